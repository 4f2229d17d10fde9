using Warden.Scoring.Text;

namespace Warden.Scoring.Tests.Text;

public sealed class TextNormalizerTests
{
    [Theory]
    [InlineData("hate", "hate")]
    [InlineData("h4te", "hate")]
    [InlineData("h.a.t.e", "hate")]
    [InlineData("ｈａｔｅ", "hate")]
    [InlineData("HATE", "hate")]
    [InlineData("h\u200Bat\u200De", "hate")]
    [InlineData("h a t e", "hate")]
    [InlineData("hаtе", "hate")] // Cyrillic а and е
    [InlineData("hâté", "hate")]
    [InlineData("h-a_t*e", "hate")]
    [InlineData("𝐡𝐚𝐭𝐞", "hate")] // mathematical bold
    public void Folds_evasions_to_the_plain_word(string text, string expected)
    {
        TextNormalizer.Words(text).Should().Equal(expected);
    }

    [Fact]
    public void Keeps_numbers_and_separates_words()
    {
        TextNormalizer.Words("Call 2021 now, friend!").Should().Equal("call", "2021", "now", "friend");
    }

    [Fact]
    public void Does_not_glue_single_letters_to_longer_words()
    {
        TextNormalizer.Words("I am a cat").Should().Equal("i", "am", "a", "cat");
    }

    [Theory]
    [InlineData("haaaate", 1, "hate")]
    [InlineData("haaaate", 2, "haate")]
    [InlineData("book", 2, "book")]
    public void Collapses_stretched_letters(string word, int keep, string expected)
    {
        TextNormalizer.CollapseRepeats(word, keep).Should().Be(expected);
    }

    [Fact]
    public void Survives_empty_and_symbol_only_text()
    {
        TextNormalizer.Words(string.Empty).Should().BeEmpty();
        TextNormalizer.Words("... --- !!!").Should().BeEmpty();
    }
}
