using Warden.Abstractions.Scoring;
using Warden.Scoring.Rules;

namespace Warden.Scoring.Tests.Rules;

public sealed class RuleMatcherTests
{
    private static readonly RuleSetDefinition Hate = new() { Name = "hate-words", Policy = "hate", Keywords = ["hate", "go back home"], Weight = 0.7 };

    [Theory]
    [InlineData("I h4te you")]
    [InlineData("I h.a.t.e you")]
    [InlineData("I ｈａｔｅ you")]
    [InlineData("I haaaaate you")]
    [InlineData("you should G0 BACK h-o-m-e")]
    public void Keywords_match_through_evasions(string text)
    {
        var hits = new RuleMatcher([Hate], null).Match(text);
        hits.Should().ContainSingle().Which.Should().Match<RuleHit>(h => h.Policy == "hate" && h.RuleSet == "hate-words" && h.Weight == 0.7);
    }

    [Theory]
    [InlineData("whatever you say")]
    [InlineData("the hat is nice")]
    [InlineData("go back to the home page")]
    public void Keywords_match_whole_words_only(string text)
    {
        new RuleMatcher([Hate], null).Match(text).Should().BeEmpty();
    }

    [Fact]
    public void A_doubled_letter_keyword_does_not_match_its_shorter_neighbour()
    {
        var profanity = new RuleSetDefinition { Name = "p", Policy = "harassment", Keywords = ["ass"] };
        var matcher = new RuleMatcher([profanity], null);
        matcher.Match("as I said").Should().BeEmpty();
        matcher.Match("what an asssss").Should().ContainSingle();
    }

    [Fact]
    public void Run_together_ocr_text_finds_longer_keywords_only()
    {
        var set = new RuleSetDefinition { Name = "pharma", Policy = "spam", Keywords = ["viagra", "ass"] };
        var matcher = new RuleMatcher([set], null);
        matcher.Match("CHEAPVIAGRAONLINE").Should().BeEmpty("ordinary text matches whole words");
        matcher.Match("CHEAPVIAGRAONLINE classic", unspaced: true).Should().ContainSingle().Which.Term.Should().Be("viagra");
    }

    [Fact]
    public void Patterns_run_on_normalised_text()
    {
        var spam = new RuleSetDefinition { Name = "crypto", Policy = "spam", Patterns = [@"\bfree (btc|bitcoin)\b"] };
        var hits = new RuleMatcher([spam], null).Match("FR33 B.I.T.C.O.I.N here");
        hits.Should().ContainSingle().Which.Kind.Should().Be(RuleHitKind.Pattern);
    }

    [Fact]
    public void A_bad_pattern_is_refused_at_compile_time()
    {
        var act = () => RuleMatcher.Compile("(unclosed");
        act.Should().Throw<ArgumentException>();
    }

    [Fact]
    public void Shipped_word_lists_load_and_match()
    {
        var lists = new WordLists(ScoringAssets.Locate());
        lists.Problem("naughty-words/en").Should().BeNull();
        lists.Problem("naughty-words/../../etc").Should().NotBeNull();
        var set = new RuleSetDefinition { Name = "profanity", Policy = "harassment", WordLists = ["naughty-words/en"] };
        var matcher = new RuleMatcher([set], lists);
        matcher.PhraseCount.Should().BeGreaterThan(300);
        matcher.Match("what a bullsh1t answer, you 4sshole").Select(h => h.Term).Should().Contain("asshole");
        matcher.Match("a perfectly polite sentence about gardening").Should().BeEmpty();
    }
}
