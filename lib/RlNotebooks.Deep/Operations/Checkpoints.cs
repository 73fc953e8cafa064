using static TorchSharp.torch;

namespace RlNotebooks.Deep.Operations;

/// <summary>Saving and loading a network's parameters (TorchSharp's own format, the file <c>module.save</c> writes).</summary>
public static class Checkpoints
{
    /// <summary>Writes every parameter of <paramref name="module"/> to <paramref name="path"/> (overwriting it).</summary>
    public static void Save(nn.Module module, string path)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        module.save(path);
    }

    /// <summary>
    /// Reads parameters saved by <see cref="Save"/> into <paramref name="module"/>, which must have the architecture that saved
    /// them: a missing file or a different architecture is an <see cref="ArgumentException"/> naming <paramref name="path"/>.
    /// </summary>
    public static void Load(nn.Module module, string path)
    {
        ArgumentNullException.ThrowIfNull(module);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path))
        {
            throw new ArgumentException($"No checkpoint at {path}.", nameof(path));
        }

        try
        {
            module.load(path, strict: true);
        }
        catch (Exception e)
        {
            throw new ArgumentException($"{path} does not hold the parameters of this {module.GetType().Name}: {e.Message}", nameof(path), e);
        }
    }
}
