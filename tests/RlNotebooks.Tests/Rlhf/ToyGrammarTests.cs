using RlNotebooks.Rlhf;

namespace RlNotebooks.Tests.Rlhf;

public class ToyGrammarTests
{
    private static int[] Words(string text) => [.. text.Split(' ').Select(w => ToyGrammar.Vocabulary.ToList().IndexOf(w))];

    [Theory]
    [InlineData("the cat sees the dog .", true)]
    [InlineData("the good cat likes the bad bird and the small dog sees the big cat .", true)]
    [InlineData("the cat sees the dog", false)]                     // no end token
    [InlineData("the cat sees the dog . .", false)]                 // something after the end
    [InlineData("the good good cat sees the dog .", false)]         // two adjectives
    [InlineData("the cat sees the dog and .", false)]               // dangling "and"
    [InlineData("the cat sees the dog and the cat sees the dog and the cat sees the dog .", false)]   // three clauses
    [InlineData("cat sees the dog .", false)]
    [InlineData(".", false)]
    public void Validity_follows_the_grammar(string text, bool valid) => Assert.Equal(valid, ToyGrammar.IsValid(Words(text)));

    [Fact]
    public void Preference_counts_good_minus_bad_on_sentences_and_is_lowest_elsewhere()
    {
        Assert.Equal(1.0, ToyGrammar.Preference(Words("the good cat likes the bad bird and the good dog sees the cat .")));
        Assert.Equal(ToyGrammar.InvalidPreference, ToyGrammar.Preference(Words("the good good good cat sees the dog .")));
        Assert.True(ToyGrammar.InvalidPreference < -4.0);   // below the worst sentence, four "bad"s
    }

    [Fact]
    public void Corpus_is_seeded_grammatical_and_within_the_maximum_length()
    {
        int[][] corpus = ToyGrammar.Corpus(500, seed: 9);
        Assert.Equal(corpus, ToyGrammar.Corpus(500, seed: 9));
        Assert.NotEqual(corpus, ToyGrammar.Corpus(500, seed: 10));
        Assert.All(corpus, s => Assert.True(ToyGrammar.IsValid(s), ToyGrammar.Text(s)));
        Assert.All(corpus, s => Assert.InRange(s.Length, 6, ToyGrammar.MaxLength));
        Assert.Contains(corpus, s => s.Length == ToyGrammar.MaxLength);
    }

    [Fact]
    public void Text_rejects_unknown_tokens_by_index() =>
        Assert.Contains("tokens[1]", Assert.Throws<ArgumentOutOfRangeException>(() => ToyGrammar.Text([1, 12])).Message);
}
