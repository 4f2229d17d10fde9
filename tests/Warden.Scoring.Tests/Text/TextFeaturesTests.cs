using Warden.Scoring.Text;

namespace Warden.Scoring.Tests.Text;

public sealed class TextFeaturesTests
{
    private static readonly TextFeatures Features = new(1 << 12);

    [Theory]
    [InlineData(10)]
    [InlineData(20_000)]
    public void Features_from_words_folded_once_equal_features_from_the_text(int repeats)
    {
        var text = string.Concat(Enumerable.Repeat("Buy ch3ap p1lls now, friend! ", repeats));
        var fromText = new float[Features.Dimension];
        var fromWords = new float[Features.Dimension];

        Features.Extract(text, fromText);
        Features.Extract(TextFeatures.WordsOf(text, TextNormalizer.Words(text)), fromWords);

        fromWords.Should().Equal(fromText, text.Length > TextFeatures.MaxCharacters ? "a long text is cut before folding, as in training" : "the words are reused");
        fromText.Sum(v => (double)v * v).Should().BeApproximately(1, 1e-4, "rows have unit length");
    }

    [Fact]
    public void An_empty_text_has_no_features()
    {
        var row = new float[Features.Dimension];
        Features.Extract(string.Empty, row);
        row.Should().OnlyContain(v => v == 0);
    }
}
