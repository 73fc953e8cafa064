using RlNotebooks.Deep.Torch;
using static TorchSharp.torch;

namespace RlNotebooks.Deep.Rlhf;

/// <summary>
/// Token sequences as padded int64 tensors [N, T] and back. A sequence ends at its first end token; the positions after it are
/// padding (filled with the end token) and masked out of every sum.
/// </summary>
public static class TokenSequences
{
    /// <summary>Pads each sequence to <paramref name="maxLength"/> with <paramref name="endToken"/>; returns int64 [N, T].</summary>
    public static Tensor ToTensor(IReadOnlyList<int[]> sequences, int maxLength, int endToken)
    {
        ArgumentNullException.ThrowIfNull(sequences);
        Validation.Guard.NotEmpty(sequences.Count, nameof(sequences));
        var flat = new long[sequences.Count * maxLength];
        Array.Fill(flat, endToken);
        for (int i = 0; i < sequences.Count; i++)
        {
            if (sequences[i].Length > maxLength)
            {
                throw new ArgumentException($"sequences[{i}] has {sequences[i].Length} tokens; at most {maxLength} fit.", nameof(sequences));
            }

            for (int t = 0; t < sequences[i].Length; t++)
            {
                flat[i * maxLength + t] = sequences[i][t];
            }
        }

        return tensor(flat, [sequences.Count, maxLength], int64);
    }

    /// <summary>Each row up to and including its first end token (the whole row if it has none).</summary>
    public static int[][] FromTensor(Tensor tokens, int endToken)
    {
        long n = tokens.shape[0], length = tokens.shape[1];
        long[] flat = tokens.to(int64).contiguous().data<long>().ToArray();
        var sequences = new int[n][];
        for (long i = 0; i < n; i++)
        {
            var row = new List<int>((int)length);
            for (long t = 0; t < length; t++)
            {
                row.Add((int)flat[i * length + t]);
                if (flat[i * length + t] == endToken)
                {
                    break;
                }
            }

            sequences[i] = [.. row];
        }

        return sequences;
    }

    /// <summary>
    /// The mask mₜ = 1 for positions up to and including the first end token, 0 after it: mₜ = [no end token among s₀…s_{t−1}].
    /// Returns float32 [N, T].
    /// </summary>
    public static Tensor Mask(Tensor tokens, int endToken)
    {
        using var scope = NewDisposeScope();
        Tensor isEnd = tokens.eq(tokens.Constant(endToken)).to(int64);
        Tensor endsBefore = isEnd.cumsum(1) - isEnd;
        return endsBefore.eq(endsBefore.Constant(0)).to(float32).MoveToOuterDisposeScope();
    }
}
