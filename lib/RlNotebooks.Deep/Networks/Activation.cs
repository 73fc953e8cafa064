namespace RlNotebooks.Deep.Networks;

/// <summary>The nonlinearity between the hidden layers of an <see cref="Mlp"/>.</summary>
public enum Activation
{
    /// <summary>tanh, the PPO/TRPO default for policies and value functions.</summary>
    Tanh,

    /// <summary>max(0, x), the DQN/DDPG/TD3/SAC default.</summary>
    ReLU,
}
