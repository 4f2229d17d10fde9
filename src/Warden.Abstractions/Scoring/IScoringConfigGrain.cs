using Warden.Abstractions.Labels;

namespace Warden.Abstractions.Scoring;

/// <summary>
/// The cluster's rule sets and hash banks (key <c>default</c>). Every change bumps one version and is
/// broadcast, so every silo's matchers pick it up within seconds, without a restart.
/// </summary>
[Alias("warden.scoring.config")]
public interface IScoringConfigGrain : IGrainWithStringKey
{
    const string DefaultKey = "default";

    [Alias("get")]
    Task<ScoringConfigSnapshot> Get();

    /// <summary>Adds or replaces a rule set (by name); <paramref name="expectedVersion"/> is the set's current version, 0 for a new one.</summary>
    [Alias("put-rule-set")]
    Task<ScoringConfigResult> PutRuleSet(RuleSetDefinition ruleSet, int expectedVersion, string actor);

    [Alias("remove-rule-set")]
    Task<ScoringConfigResult> RemoveRuleSet(string name, string actor);

    /// <summary>Creates or re-describes a bank, then adds <paramref name="entries"/> (replacing all when <paramref name="replace"/>).</summary>
    [Alias("import-bank")]
    Task<ScoringConfigResult> ImportBank(HashBankInfo bank, IReadOnlyList<HashBankEntry> entries, bool replace, string actor);

    /// <summary>Serves these model files on every silo; a file a silo cannot load leaves that silo's categories degraded (their fallback), and says so in its log.</summary>
    [Alias("set-text-model")]
    Task<ScoringConfigResult> SetTextModel(TextModelAssignment assignment, string actor);

    /// <summary>Makes the shadow model live (the live one is dropped); refused when there is no shadow.</summary>
    [Alias("promote-shadow")]
    Task<ScoringConfigResult> PromoteShadow(string actor);
}
