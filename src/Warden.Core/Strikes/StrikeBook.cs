using Warden.Abstractions.Labels;
using Warden.Abstractions.Policies;
using Warden.Abstractions.Strikes;

namespace Warden.Core.Strikes;

/// <summary>
/// Strike arithmetic: which strikes count now, their total, the account enforcement the catalog's
/// thresholds give it, when the next one expires, and the label that carries the account enforcement.
/// </summary>
public static class StrikeBook
{
    /// <summary>The label source of account-level enforcement earned by strikes.</summary>
    public static readonly LabelSource Source = new("warden-strikes", SourceKind.Automated, "account");

    public static readonly TimeSpan DefaultLifetime = TimeSpan.FromDays(90);

    public static bool Counts(Strike strike, DateTimeOffset now) => strike.RemovedAt is null && strike.ExpiresAt > now;

    public static int ActiveTotal(IEnumerable<Strike> strikes, DateTimeOffset now) => strikes.Where(s => Counts(s, now)).Sum(s => s.Weight);

    /// <summary>The enforcement of the highest threshold <paramref name="total"/> reaches, or null below the lowest.</summary>
    public static string? Enforcement(int total, IReadOnlyList<StrikeThreshold> thresholds) =>
        thresholds.Where(t => t.Strikes <= total).MaxBy(t => t.Strikes)?.Enforcement;

    public static DateTimeOffset? NextExpiry(IEnumerable<Strike> strikes, DateTimeOffset now) =>
        strikes.Where(s => Counts(s, now)).Select(s => (DateTimeOffset?)s.ExpiresAt).Min();

    public static Strike New(string jobId, string item, PolicyDefinition policy, DateTimeOffset now) => new()
    {
        JobId = jobId,
        Item = item,
        Policy = policy.Name,
        Weight = policy.StrikeWeight,
        At = now,
        ExpiresAt = now + (policy.StrikeLifetime ?? DefaultLifetime),
    };

    /// <summary>The account label for <paramref name="enforcement"/>, its evidence naming the strikes that earned it.</summary>
    public static Label AccountLabel(string enforcement, IEnumerable<Strike> strikes, DateTimeOffset now)
    {
        var active = strikes.Where(s => Counts(s, now)).OrderBy(s => s.At).ToList();
        var policy = active.GroupBy(s => s.Policy).OrderByDescending(g => g.Sum(s => s.Weight)).First().Key;
        var evidence = $"{active.Sum(s => s.Weight)} strikes: " + string.Join("; ", active.Select(s => $"{s.Policy} on {s.Item} ({s.JobId}, until {s.ExpiresAt:yyyy-MM-dd})"));
        return new Label
        {
            Source = Source,
            Enforcement = enforcement,
            Policy = policy,
            CreatedAt = now,
            Evidence = evidence.Length <= 1000 ? evidence : evidence[..999] + "…",
        };
    }
}
