using BenchmarkDotNet.Attributes;
using RlNotebooks.Environments.ClassicControl;

namespace RlNotebooks.Benchmarks;

/// <summary>
/// Classic-control steps per second with random actions and a reset whenever an episode ends — the loop Gymnasium's
/// figures measure (<c>env.step(env.action_space.sample())</c>). Each invocation takes 10⁴ environment steps, so the
/// reported mean is per step. The baseline is CartPole's pure dynamics (<see cref="CartPole.Step"/>) without the shell.
/// Targets: CartPole ≥ 3·10⁶ steps/s (≤ 333 ns), Pendulum ≥ 4.2·10⁵ steps/s (≤ 2.4 µs), 0 B allocated.
/// </summary>
[MemoryDiagnoser]
public class EnvironmentBenchmarks
{
    private const int Steps = 10_000;
    private const int Copies = 8;
    private readonly CartPoleEnvironment _cartPole = new();
    private readonly AcrobotEnvironment _acrobot = new();
    private readonly MountainCarEnvironment _mountainCar = new();
    private readonly PendulumEnvironment _pendulum = new();
    private readonly MountainCarContinuousEnvironment _mountainCarContinuous = new();
    private readonly float[] _observation = new float[6];
    private readonly float[] _action = new float[1];
    private readonly int[] _vectorActions = new int[Copies];
    private readonly float[] _vectorContinuousActions = new float[Copies];
    private VectorEnvironment _vectorCartPole = null!;
    private VectorEnvironment _vectorPendulum = null!;
    private uint _bits = 2463534242;

    [GlobalSetup]
    public void Setup()
    {
        foreach (ControlEnvironment env in new ControlEnvironment[] { _cartPole, _acrobot, _mountainCar, _pendulum, _mountainCarContinuous })
        {
            env.Reset(_observation, seed: 0);
        }

        _vectorCartPole = VectorEnvironment.Create(() => new CartPoleEnvironment(), Copies);
        _vectorCartPole.Reset(seed: 0);
        _vectorPendulum = VectorEnvironment.Create(() => new PendulumEnvironment(), Copies);
        _vectorPendulum.Reset(seed: 0);
    }

    /// <summary>A Marsaglia xorshift32 draw: cheap random actions that do not dominate the step.</summary>
    private uint Next()
    {
        _bits ^= _bits << 13;
        _bits ^= _bits >> 17;
        _bits ^= _bits << 5;
        return _bits;
    }

    private float NextUniform(float low, float high) => low + (high - low) * (Next() >> 8) * (1f / (1 << 24));

    /// <summary>CartPole's dynamics alone: Euler step and termination test on a local state, resetting to 0 when it falls.</summary>
    [Benchmark(Baseline = true, OperationsPerInvoke = Steps)]
    public CartPoleState CartPoleDynamicsOnly()
    {
        var s = new CartPoleState(0.01, 0.0, 0.01, 0.0);
        for (int t = 0; t < Steps; t++)
        {
            s = CartPole.Step(s, (int)(Next() & 1));
            if (CartPole.IsTerminal(s))
            {
                s = new CartPoleState(0.01, 0.0, 0.01, 0.0);
            }
        }

        return s;
    }

    /// <summary>CartPole-v1 environment steps.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public void CartPole_v1()
    {
        for (int t = 0; t < Steps; t++)
        {
            if (_cartPole.Step((int)(Next() & 1), _observation).Done)
            {
                _cartPole.Reset(_observation);
            }
        }
    }

    /// <summary>Acrobot-v1 environment steps (RK4: four derivative evaluations per step).</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public void Acrobot_v1()
    {
        for (int t = 0; t < Steps; t++)
        {
            if (_acrobot.Step((int)(Next() % 3), _observation).Done)
            {
                _acrobot.Reset(_observation);
            }
        }
    }

    /// <summary>MountainCar-v0 environment steps.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public void MountainCar_v0()
    {
        for (int t = 0; t < Steps; t++)
        {
            if (_mountainCar.Step((int)(Next() % 3), _observation).Done)
            {
                _mountainCar.Reset(_observation);
            }
        }
    }

    /// <summary>Pendulum-v1 environment steps with a uniform torque in [−2, 2].</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public void Pendulum_v1()
    {
        for (int t = 0; t < Steps; t++)
        {
            _action[0] = NextUniform(-2f, 2f);
            if (_pendulum.Step(_action, _observation).Done)
            {
                _pendulum.Reset(_observation);
            }
        }
    }

    /// <summary>MountainCarContinuous-v0 environment steps with a uniform force in [−1, 1].</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public void MountainCarContinuous_v0()
    {
        for (int t = 0; t < Steps; t++)
        {
            _action[0] = NextUniform(-1f, 1f);
            if (_mountainCarContinuous.Step(_action, _observation).Done)
            {
                _mountainCarContinuous.Reset(_observation);
            }
        }
    }

    /// <summary>8 CartPoles stepped together with autoreset; per environment step (10⁴ = 1250 vector steps × 8).</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public void VectorCartPole_x8()
    {
        for (int t = 0; t < Steps / Copies; t++)
        {
            for (int i = 0; i < Copies; i++)
            {
                _vectorActions[i] = (int)(Next() & 1);
            }

            _vectorCartPole.Step(_vectorActions);
        }
    }

    /// <summary>8 Pendulums stepped together with autoreset; per environment step.</summary>
    [Benchmark(OperationsPerInvoke = Steps)]
    public void VectorPendulum_x8()
    {
        for (int t = 0; t < Steps / Copies; t++)
        {
            for (int i = 0; i < Copies; i++)
            {
                _vectorContinuousActions[i] = NextUniform(-2f, 2f);
            }

            _vectorPendulum.Step(_vectorContinuousActions);
        }
    }
}
