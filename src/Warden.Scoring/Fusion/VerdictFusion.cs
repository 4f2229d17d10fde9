using Warden.Abstractions.Scoring;

namespace Warden.Scoring.Fusion;

/// <summary>
/// Turns one category's evidence into a verdict (README, "Fusion"):
/// <list type="number">
/// <item>a bank match decides outright: block with the bank's enforcement, score 1;</item>
/// <item>otherwise model m = max(text, OCR text, image) and rules r = 1 − Π(1 − weight) combine as
/// s = 1 − (1 − m)(1 − r), then the author's trust shifts it: s − TrustWeight × (trust − 0.5), clamped to 0–1;</item>
/// <item>s ≥ BlockAt blocks, s ≥ ReviewAt asks for review, else allow;</item>
/// <item>a failed model with no bank or rule evidence strong enough to decide takes the category's fallback, marked degraded.</item>
/// </list>
/// </summary>
public static class VerdictFusion
{
    public const double DefaultReviewAt = 0.5;
    public const double DefaultBlockAt = 0.9;

    public static CategoryVerdict Fuse(string category, CategoryPolicy policy, CategoryEvidence evidence, double authorTrust)
    {
        var trail = new List<ScoreEvidence>();
        var bank = evidence.HashMatches.OrderBy(m => m.Distance).FirstOrDefault();
        if (bank is not null)
        {
            trail.AddRange(evidence.HashMatches.Select(m => new ScoreEvidence("hash", $"{m.Bank} ({m.Kind}, distance {m.Distance}{(m.Label is null ? string.Empty : ", " + m.Label)})", 1)));
            return new CategoryVerdict { Category = category, Score = 1, Decision = VerdictDecision.Block, Enforcement = bank.Enforcement, Evidence = trail, ShadowScore = evidence.ShadowScore };
        }

        var (reviewAt, blockAt) = Thresholds(policy, evidence);
        double model = Math.Max(Math.Max(evidence.TextScore ?? 0, evidence.OcrScore ?? 0), evidence.ImageScore ?? 0);
        if (evidence.TextScore is { } text)
        {
            trail.Add(new ScoreEvidence("model", evidence.ModelName ?? "text model", text));
        }

        if (evidence.OcrScore is { } ocr)
        {
            trail.Add(new ScoreEvidence("ocr-model", evidence.ModelName ?? "text model", ocr));
        }

        if (evidence.ImageScore is { } image)
        {
            trail.Add(new ScoreEvidence("image-model", evidence.ImageDetail ?? "image model", image));
        }

        var rules = 1 - evidence.RuleHits.Aggregate(1.0, (keep, hit) => keep * (1 - Math.Clamp(hit.Weight, 0, 1)));
        trail.AddRange(evidence.RuleHits.Select(h => new ScoreEvidence(h.Kind == Rules.RuleHitKind.Keyword ? "keyword" : "pattern", $"{h.RuleSet}: {h.Term}", h.Weight)));
        var combined = 1 - ((1 - model) * (1 - rules));
        var shift = policy.TrustWeight * (Math.Clamp(authorTrust, 0, 1) - 0.5);
        if (shift != 0 && combined > 0)
        {
            trail.Add(new ScoreEvidence("trust", $"author trust {authorTrust:0.00}", -shift));
        }

        var score = Math.Clamp(combined - shift, 0, 1);
        var decision = score >= blockAt ? VerdictDecision.Block : score >= reviewAt ? VerdictDecision.Review : VerdictDecision.Allow;
        var degraded = false;
        if (evidence.ModelFailed)
        {
            degraded = true;
            var fallback = policy.Fallback switch
            {
                FailMode.Closed => VerdictDecision.Block,
                FailMode.Review => VerdictDecision.Review,
                _ => VerdictDecision.Allow,
            };
            trail.Add(new ScoreEvidence("fallback", $"model unavailable: fail-{policy.Fallback.ToString().ToLowerInvariant()}", (int)fallback));
            decision = (VerdictDecision)Math.Max((int)decision, (int)fallback);
        }

        return new CategoryVerdict
        {
            Category = category,
            Score = Math.Round(score, 4),
            Decision = decision,
            Enforcement = decision switch
            {
                VerdictDecision.Block => policy.BlockEnforcement,
                VerdictDecision.Review => policy.ReviewEnforcement,
                _ => null,
            },
            Degraded = degraded,
            Evidence = trail,
            ShadowScore = evidence.ShadowScore,
        };
    }

    public static (double Review, double Block) Thresholds(CategoryPolicy policy, CategoryEvidence evidence) =>
        (policy.ReviewAt ?? evidence.ModelThresholds?.Review ?? DefaultReviewAt, policy.BlockAt ?? evidence.ModelThresholds?.Block ?? DefaultBlockAt);
}
