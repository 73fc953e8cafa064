using TorchSharp.Modules;

namespace RlNotebooks.Deep.Algorithms;

/// <summary>
/// Stops recording gradients for some parameters until disposed. The actor losses of DDPG, TD3 and SAC run through the
/// critic, whose parameters they do not step (the critic's own step zeroes its gradient first): computing φ's gradient
/// there is wasted work, about a fifth of SAC's actor step on the 64×64 networks (measured with a Stopwatch over 1 000 steps).
/// </summary>
internal readonly struct FrozenParameters : IDisposable
{
    private readonly Parameter[] parameters;

    public FrozenParameters(Parameter[] parameters)
    {
        this.parameters = parameters;
        foreach (var p in parameters)
        {
            p.requires_grad = false;
        }
    }

    public void Dispose()
    {
        foreach (var p in parameters)
        {
            p.requires_grad = true;
        }
    }
}
