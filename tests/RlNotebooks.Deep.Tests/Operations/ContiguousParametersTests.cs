using RlNotebooks.Deep.Networks;
using RlNotebooks.Deep.Operations;
using RlNotebooks.Deep.Tests.Support;
using RlNotebooks.OffPolicy;
using TorchSharp;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Tests.Operations;

/// <summary>
/// Parameters moved into one vector keep their values, receive their gradients in the gradient vector, and one Adam step
/// or Polyak update of the vector equals the per-tensor version.
/// </summary>
public sealed class ContiguousParametersTests
{
    private static (TwinQCritic Critic, Tensor Loss) Regression(int seed)
    {
        manual_seed(seed);
        var critic = new TwinQCritic(3, 1, [8, 8]);
        critic.to(float64);
        return (critic, Loss(critic));
    }

    private static Tensor Loss(TwinQCritic critic)
    {
        using var generator = new Generator(7);
        Tensor s = randn([16, 3], float64, generator: generator), a = randn([16, 1], float64, generator: generator);
        var (q1, q2) = critic.forward(s, a);
        return (q1 * q2).sum().sin();   // any smooth function of both critics' parameters
    }

    [Fact]
    public void Values_stay_and_gradients_land_in_the_gradient_vector()
    {
        using var scope = NewDisposeScope();
        var (reference, referenceLoss) = Regression(41);
        referenceLoss.backward();
        double[] values = T.Array(FlatParameters.Get(reference));
        double[] gradients = T.Array(FlatParameters.Gradient(reference));

        manual_seed(41);
        using var critic = new TwinQCritic(3, 1, [8, 8]);
        critic.to(float64);
        using var flat = ContiguousParameters.Flatten(critic.parameters());
        Loss(critic).backward();

        Assert.Equal(values, T.Array(flat));
        T.Close(gradients, T.Array(flat.grad!), 1e-12);
        T.Close(gradients, T.Array(FlatParameters.Gradient(critic)), 1e-12);   // each tensor's gradient is its slice
        flat.grad!.zero_();
        Assert.All(critic.parameters(), p => Assert.Equal(0.0, T.Array(p.grad!.abs().sum())[0]));
    }

    [Fact]
    public void One_adam_step_on_the_vector_equals_adam_over_the_tensors()
    {
        using var scope = NewDisposeScope();
        var (reference, _) = Regression(42);
        using var perTensor = new Adam([.. reference.parameters()], 0.01);
        manual_seed(42);
        using var critic = new TwinQCritic(3, 1, [8, 8]);
        critic.to(float64);
        using var flat = ContiguousParameters.Flatten(critic.parameters());
        using var whole = new Adam([flat], 0.01);

        for (int step = 0; step < 3; step++)
        {
            perTensor.ZeroGrad();
            Loss(reference).backward();
            perTensor.Step();
            whole.ZeroGrad();
            Loss(critic).backward();
            whole.Step();
        }

        T.Close(T.Array(FlatParameters.Get(reference)), T.Array(flat), 1e-12);
        T.Close(T.Array(FlatParameters.Get(reference)), T.Array(FlatParameters.Get(critic)), 1e-12);   // the layers see the new values
    }

    [Fact]
    public void Polyak_update_of_the_vectors_equals_the_span_library()
    {
        using var scope = NewDisposeScope();
        manual_seed(43);
        using var online = new TwinQCritic(3, 1, [8]);
        using var target = new TwinQCritic(3, 1, [8]);
        online.to(float64);
        target.to(float64);
        using var onlineVector = ContiguousParameters.Flatten(online.parameters());
        using var targetVector = ContiguousParameters.Flatten(target.parameters());
        double[] expected = Polyak.Update(T.Array(targetVector), T.Array(onlineVector), 0.005);

        TargetNetworks.PolyakUpdate(targetVector, onlineVector, 0.005);

        T.Close(expected, T.Array(targetVector), 1e-15);
        T.Close(expected, T.Array(FlatParameters.Get(target)), 1e-15);
        Assert.Equal("online", Assert.Throws<ArgumentException>(() => TargetNetworks.PolyakUpdate(targetVector, onlineVector.narrow(0, 0, 3), 0.1)).ParamName);
    }
}
