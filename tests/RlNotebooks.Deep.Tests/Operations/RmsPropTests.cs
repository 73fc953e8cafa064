using RlNotebooks.Deep.Operations;
using RlNotebooks.Deep.Tests.Support;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Tests.Operations;

/// <summary>The Scalar-free RMSProp takes the same steps as torch.optim.RMSProp (the reference implementation).</summary>
public sealed class RmsPropTests
{
    [Fact]
    public void Five_steps_on_a_quadratic_match_torch_optim_rmsprop()
    {
        using var scope = NewDisposeScope();
        var target = T.Vector([0.5, -1.5, 2.0]);
        var ours = new Parameter(T.Vector([1.0, 2.0, -3.0]));
        var reference = new Parameter(T.Vector([1.0, 2.0, -3.0]));
        using var rmsProp = new RmsProp([ours], learningRate: 0.01, alpha: 0.99, epsilon: 1e-5);
        using var torchRmsProp = optim.RMSProp([reference], 0.01, alpha: 0.99, eps: 1e-5);

        for (int step = 0; step < 5; step++)
        {
            rmsProp.ZeroGrad();
            (ours - target).square().sum().backward();
            rmsProp.Step();
            torchRmsProp.zero_grad();
            (reference - target).square().sum().backward();
            torchRmsProp.step();
        }

        T.Close(T.Array(reference), T.Array(ours), 1e-12);
    }

    [Fact]
    public void Invalid_settings_are_rejected()
    {
        var p = new Parameter(zeros(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RmsProp([p], learningRate: 0));
        Assert.Throws<ArgumentException>(() => new RmsProp([p], 1e-3, alpha: 1.0));
        Assert.Throws<ArgumentOutOfRangeException>(() => new RmsProp([p], 1e-3, epsilon: 0));
    }
}
