using Warden.Scoring.Text;

namespace Warden.Scoring.Tests.Text;

public sealed class TextHighlighterTests
{
    [Fact]
    public void Keywords_light_up_where_the_author_wrote_them_even_disguised()
    {
        var runs = TextHighlighter.Highlight("Get FR33  M0NEY now, or free stuff!", ["free money"]);

        runs.Should().Equal(
            new HighlightedRun("Get ", false),
            new HighlightedRun("FR33  M0NEY", true),
            new HighlightedRun(" now, or free stuff!", false));
    }

    [Fact]
    public void The_runs_put_back_together_are_the_text_exactly()
    {
        const string text = "  <script>alert(1)</script>\tviagra\r\nV1AGRA x ";

        var runs = TextHighlighter.Highlight(text, ["viagra", "nothing here"]);

        string.Concat(runs.Select(r => r.Text)).Should().Be(text);
        runs.Where(r => r.Hit).Select(r => r.Text).Should().Equal("viagra", "V1AGRA");
    }

    [Fact]
    public void No_keywords_or_no_text_leaves_one_plain_run_or_none()
    {
        TextHighlighter.Highlight("plain words", []).Should().Equal(new HighlightedRun("plain words", false));
        TextHighlighter.Highlight(string.Empty, ["x"]).Should().BeEmpty();
    }
}
