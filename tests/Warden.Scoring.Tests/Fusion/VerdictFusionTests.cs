using Warden.Abstractions.Scoring;
using Warden.Scoring.Fusion;
using Warden.Scoring.Rules;

namespace Warden.Scoring.Tests.Fusion;

public sealed class VerdictFusionTests
{
    private static readonly CategoryPolicy Policy = new() { ReviewAt = 0.5, BlockAt = 0.9, TrustWeight = 0.2 };

    [Theory]
    [InlineData(0.2, VerdictDecision.Allow)]
    [InlineData(0.6, VerdictDecision.Review)]
    [InlineData(0.95, VerdictDecision.Block)]
    public void Thresholds_split_allow_review_block(double model, VerdictDecision expected)
    {
        var verdict = VerdictFusion.Fuse("spam", Policy, new CategoryEvidence { TextScore = model }, 0.5);
        verdict.Decision.Should().Be(expected);
        verdict.Score.Should().BeApproximately(model, 1e-9);
        verdict.Enforcement.Should().Be(expected switch { VerdictDecision.Block => "block", VerdictDecision.Review => "hide_from_recommendations", _ => null });
    }

    [Fact]
    public void The_higher_of_text_and_ocr_scores_counts_and_rules_combine_as_noisy_or()
    {
        var rule = new RuleHit("pharma", "spam", 0.5, RuleHitKind.Keyword, "viagra");
        var verdict = VerdictFusion.Fuse("spam", Policy, new CategoryEvidence { TextScore = 0.2, OcrScore = 0.6, RuleHits = [rule] }, 0.5);
        verdict.Score.Should().BeApproximately(1 - (0.4 * 0.5), 1e-9);
        verdict.Evidence.Select(e => e.Kind).Should().Equal("model", "ocr-model", "keyword");
    }

    [Fact]
    public void Author_trust_moves_the_score_both_ways()
    {
        var evidence = new CategoryEvidence { TextScore = 0.55 };
        VerdictFusion.Fuse("spam", Policy, evidence, 1.0).Decision.Should().Be(VerdictDecision.Allow, "0.55 − 0.2 × 0.5 = 0.45");
        VerdictFusion.Fuse("spam", Policy, evidence, 0.0).Score.Should().BeApproximately(0.65, 1e-9);
    }

    [Fact]
    public void A_bank_match_blocks_with_the_banks_enforcement_whatever_the_model_says()
    {
        var match = new HashMatch("csam-ncmec", "porn", "block", "pdq", 12, "case-1");
        var verdict = VerdictFusion.Fuse("porn", Policy, new CategoryEvidence { TextScore = 0.01, HashMatches = [match] }, 1.0);
        verdict.Should().Match<CategoryVerdict>(v => v.Decision == VerdictDecision.Block && v.Score == 1 && v.Enforcement == "block");
        verdict.Evidence.Single().Detail.Should().Be("csam-ncmec (pdq, distance 12, case-1)");
    }

    [Theory]
    [InlineData(FailMode.Open, VerdictDecision.Allow)]
    [InlineData(FailMode.Review, VerdictDecision.Review)]
    [InlineData(FailMode.Closed, VerdictDecision.Block)]
    public void A_failed_model_takes_the_fallback_and_is_marked_degraded(FailMode mode, VerdictDecision expected)
    {
        var policy = new CategoryPolicy { Fallback = mode, ModelRequired = true };
        var verdict = VerdictFusion.Fuse("spam", policy, new CategoryEvidence { ModelFailed = true }, 0.5);
        verdict.Decision.Should().Be(expected);
        verdict.Degraded.Should().BeTrue();
    }

    [Fact]
    public void Rules_still_count_when_the_model_fails_open()
    {
        var rule = new RuleHit("pharma", "spam", 0.95, RuleHitKind.Keyword, "viagra");
        var verdict = VerdictFusion.Fuse("spam", new CategoryPolicy { Fallback = FailMode.Open }, new CategoryEvidence { ModelFailed = true, RuleHits = [rule] }, 0.5);
        verdict.Decision.Should().Be(VerdictDecision.Block);
        verdict.Degraded.Should().BeTrue();
    }

    [Fact]
    public void The_models_own_thresholds_apply_where_configuration_sets_none()
    {
        var evidence = new CategoryEvidence { TextScore = 0.8, ModelThresholds = (0.7, 0.75) };
        VerdictFusion.Fuse("spam", new CategoryPolicy(), evidence, 0.5).Decision.Should().Be(VerdictDecision.Block);
        VerdictFusion.Fuse("spam", new CategoryPolicy { BlockAt = 0.95 }, evidence, 0.5).Decision.Should().Be(VerdictDecision.Review);
    }
}
