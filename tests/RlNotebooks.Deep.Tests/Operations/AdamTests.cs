using RlNotebooks.Deep.Tests.Support;
using TorchSharp.Modules;
using static TorchSharp.torch;
using ScalarFreeAdam = RlNotebooks.Deep.Operations.Adam;

namespace RlNotebooks.Deep.Tests.Operations;

/// <summary>The Scalar-free Adam takes the same steps as torch.optim.Adam (the reference implementation).</summary>
public sealed class AdamTests
{
    [Fact]
    public void Five_steps_on_a_quadratic_match_torch_optim_adam()
    {
        using var scope = NewDisposeScope();
        var target = T.Vector([0.5, -1.5, 2.0]);
        var ours = new Parameter(T.Vector([1.0, 2.0, -3.0]));
        var reference = new Parameter(T.Vector([1.0, 2.0, -3.0]));
        using var adam = new ScalarFreeAdam([ours], learningRate: 0.1, epsilon: 1e-5);
        using var torchAdam = optim.Adam([reference], 0.1, eps: 1e-5);

        for (int step = 0; step < 5; step++)
        {
            adam.ZeroGrad();
            (ours - target).square().sum().backward();
            adam.Step();
            torchAdam.zero_grad();
            (reference - target).square().sum().backward();
            torchAdam.step();
        }

        T.Close(T.Array(reference), T.Array(ours), 1e-12);
    }

    [Fact]
    public void Invalid_settings_are_rejected()
    {
        var p = new Parameter(zeros(2));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ScalarFreeAdam([p], learningRate: 0));
        Assert.Throws<ArgumentException>(() => new ScalarFreeAdam([p], 1e-3, beta1: 1.0));
    }
}
