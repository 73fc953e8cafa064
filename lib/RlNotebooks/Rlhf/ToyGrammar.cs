namespace RlNotebooks.Rlhf;

/// <summary>
/// The RLHF lecture's toy language: a tiny grammar over 12 tokens, its seeded corpus generator, the validity check and the
/// hidden "human" preference the reward model must learn from comparisons.
/// <code>
/// Sentence := Clause ( "and" Clause )? "."
/// Clause   := NounPhrase Verb NounPhrase
/// NounPhrase := "the" Adjective? Noun
/// </code>
/// A sequence is an int[] of token ids; it ends at the first end token "." (id 0). The longest sentence has
/// 2·7 + 2 = 16 tokens (<see cref="MaxLength"/>).
/// </summary>
public static class ToyGrammar
{
    /// <summary>The token strings, indexed by id: "." (the end token, id 0), then the words.</summary>
    public static IReadOnlyList<string> Vocabulary { get; } =
        [".", "the", "cat", "dog", "bird", "sees", "likes", "big", "small", "good", "bad", "and"];

    /// <summary>The end token "." (id 0): a sequence stops right after it.</summary>
    public const int End = 0;

    /// <summary>The longest sentence the grammar generates: two clauses of 7 tokens, "and" and ".".</summary>
    public const int MaxLength = 16;

    private const int The = 1, And = 11, Good = 9, Bad = 10;
    private static readonly int[] Nouns = [2, 3, 4];
    private static readonly int[] Verbs = [5, 6];
    private static readonly int[] Adjectives = [7, 8, 9, 10];

    /// <summary>Preference of a sequence the grammar rejects: below every grammatical sentence's (#good − #bad ≥ −4).</summary>
    public const double InvalidPreference = -5.0;

    /// <summary>
    /// Draws one sentence: one or two clauses with probability ½ each; each noun phrase takes an adjective with probability ½,
    /// adjectives, nouns and verbs uniform. Same <paramref name="random"/> state, same sentence.
    /// </summary>
    public static int[] Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var tokens = new List<int>(MaxLength);
        int clauses = random.Next(2) + 1;
        for (int c = 0; c < clauses; c++)
        {
            if (c > 0)
            {
                tokens.Add(And);
            }

            AddNounPhrase(tokens, random);
            tokens.Add(Verbs[random.Next(Verbs.Length)]);
            AddNounPhrase(tokens, random);
        }

        tokens.Add(End);
        return [.. tokens];
    }

    /// <summary><paramref name="count"/> sentences drawn in order from one <see cref="Random"/> seeded with <paramref name="seed"/>.</summary>
    public static int[][] Corpus(int count, int seed)
    {
        Validation.Guard.AtLeast(count, 1);
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => Sample(random))];
    }

    private static void AddNounPhrase(List<int> tokens, Random random)
    {
        tokens.Add(The);
        if (random.Next(2) == 1)
        {
            tokens.Add(Adjectives[random.Next(Adjectives.Length)]);
        }

        tokens.Add(Nouns[random.Next(Nouns.Length)]);
    }

    /// <summary>True when <paramref name="tokens"/> is a sentence of the grammar: exactly one end token, at the end.</summary>
    public static bool IsValid(ReadOnlySpan<int> tokens)
    {
        int position = 0;
        if (!Clause(tokens, ref position))
        {
            return false;
        }

        if (position < tokens.Length && tokens[position] == And)
        {
            position++;
            if (!Clause(tokens, ref position))
            {
                return false;
            }
        }

        return position == tokens.Length - 1 && tokens[position] == End;
    }

    private static bool Clause(ReadOnlySpan<int> tokens, ref int position) =>
        NounPhrase(tokens, ref position) && Take(tokens, ref position, Verbs) && NounPhrase(tokens, ref position);

    private static bool NounPhrase(ReadOnlySpan<int> tokens, ref int position)
    {
        if (!Take(tokens, ref position, [The]))
        {
            return false;
        }

        Take(tokens, ref position, Adjectives);
        return Take(tokens, ref position, Nouns);
    }

    private static bool Take(ReadOnlySpan<int> tokens, ref int position, ReadOnlySpan<int> allowed)
    {
        if (position < tokens.Length && allowed.Contains(tokens[position]))
        {
            position++;
            return true;
        }

        return false;
    }

    /// <summary>
    /// The hidden preference h(s): for a grammatical sentence, the number of "good" minus the number of "bad"; for anything
    /// else <see cref="InvalidPreference"/>. The reward model never sees h, only comparisons drawn from it.
    /// </summary>
    public static double Preference(ReadOnlySpan<int> tokens)
    {
        if (!IsValid(tokens))
        {
            return InvalidPreference;
        }

        int score = 0;
        foreach (int token in tokens)
        {
            score += token == Good ? 1 : token == Bad ? -1 : 0;
        }

        return score;
    }

    /// <summary>The sentence as words separated by spaces, e.g. "the good cat sees the dog .".</summary>
    public static string Text(ReadOnlySpan<int> tokens)
    {
        var words = new string[tokens.Length];
        for (int i = 0; i < tokens.Length; i++)
        {
            Validation.Guard.Index(tokens[i], Vocabulary.Count, $"tokens[{i}]");
            words[i] = Vocabulary[tokens[i]];
        }

        return string.Join(' ', words);
    }
}
