using Warden.Abstractions.Runtime;
using Warden.Abstractions.Scoring;
using Warden.Grains.Policies;
using Warden.Grains.Runtime;
using Warden.Scoring.Rules;
using Warden.Abstractions.Validation;
using Warden.Core.Validation;

namespace Warden.Grains.Scoring;

/// <summary>
/// Rule sets, bank descriptions and the text model assignment, under one version. Bank hashes go to
/// <see cref="IHashBankStore"/> (a bank can hold millions); every change is broadcast to every silo's
/// <see cref="ScoringEngine"/>, which reloads what changed.
/// </summary>
public sealed class ScoringConfigGrain(
    [PersistentState("scoring", WardenProviders.GrainStorage)] IPersistentState<ScoringConfigState> state,
    IHashBankStore banks,
    CatalogCache catalogs,
    ScoringEngine engine,
    SiloBroadcast broadcast,
    TimeProvider clock)
    : Grain, IScoringConfigGrain
{
    public const string ChannelNamespace = "warden.scoring";

    public Task<ScoringConfigSnapshot> Get() => Task.FromResult(Snapshot());

    public async Task<ScoringConfigResult> PutRuleSet(RuleSetDefinition ruleSet, int expectedVersion, string actor)
    {
        var errors = ScoringConfigValidator.Validate(ruleSet, await catalogs.GetAsync(), engine.WordLists).ToList();
        TextRules.RequireActor(errors, actor);
        var current = ruleSet?.Name is { } name && state.State.RuleSets.TryGetValue(name, out var existing) ? existing.Version : 0;
        if (errors.Count == 0)
        {
            ExpectedVersion.Check(errors, $"rule set '{ruleSet!.Name}'", current, expectedVersion);
        }

        if (errors.Count > 0)
        {
            return new ScoringConfigResult(false, current, errors);
        }

        var saved = ruleSet! with { Version = current + 1, ChangedAt = clock.GetUtcNow(), ChangedBy = actor };
        if (state.State.RuleSets.TryGetValue(saved.Name, out var replaced))
        {
            state.State.RuleSetHistory.Add(replaced);
        }

        state.State.RuleSets[saved.Name] = saved;
        await CommitAsync();
        return new ScoringConfigResult(true, saved.Version, []);
    }

    public async Task<ScoringConfigResult> RemoveRuleSet(string name, string actor)
    {
        var errors = new List<FieldError>();
        TextRules.RequireActor(errors, actor);
        if (name is null || !state.State.RuleSets.TryGetValue(name, out var removed))
        {
            errors.Add(new FieldError("Name", $"there is no rule set '{name}'"));
            return new ScoringConfigResult(false, state.State.Version, errors);
        }

        if (errors.Count > 0)
        {
            return new ScoringConfigResult(false, state.State.Version, errors);
        }

        state.State.RuleSetHistory.Add(removed);
        state.State.RuleSets.Remove(name);
        await CommitAsync();
        return new ScoringConfigResult(true, state.State.Version, []);
    }

    public async Task<ScoringConfigResult> ImportBank(HashBankInfo bank, IReadOnlyList<HashBankEntry> entries, bool replace, string actor)
    {
        var errors = ScoringConfigValidator.Validate(bank, entries, await catalogs.GetAsync()).ToList();
        TextRules.RequireActor(errors, actor);
        if (errors.Count > 0)
        {
            return new ScoringConfigResult(false, state.State.Banks.GetValueOrDefault(bank?.Name ?? string.Empty)?.Version ?? 0, errors);
        }

        var version = (state.State.Banks.GetValueOrDefault(bank.Name)?.Version ?? 0) + 1;
        await banks.WriteAsync(bank.Name, version, entries ?? [], replace);
        var (pdq, sha256) = await banks.CountAsync(bank.Name);
        state.State.Banks[bank.Name] = bank with { Version = version, PdqCount = pdq, Sha256Count = sha256, ChangedAt = clock.GetUtcNow(), ChangedBy = actor };
        await CommitAsync();
        return new ScoringConfigResult(true, version, []);
    }

    public async Task<ScoringConfigResult> SetTextModel(TextModelAssignment assignment, string actor)
    {
        var errors = new List<FieldError>();
        TextRules.RequireActor(errors, actor);
        if (assignment is null || string.IsNullOrWhiteSpace(assignment.LivePath))
        {
            errors.Add(new FieldError("LivePath", "is required"));
        }
        else
        {
            // Checked here on one silo, so an operator hears of a bad file at once, not only in every silo's log.
            errors.AddRange(ScoringEngine.CheckModelFile(assignment.LivePath).Select(m => new FieldError("LivePath", m)));
            if (assignment.ShadowPath is { } shadow)
            {
                errors.AddRange(ScoringEngine.CheckModelFile(shadow).Select(m => new FieldError("ShadowPath", m)));
            }
        }

        if (errors.Count > 0)
        {
            return new ScoringConfigResult(false, state.State.Version, errors);
        }

        state.State.TextModel = assignment;
        await CommitAsync();
        return new ScoringConfigResult(true, state.State.Version, []);
    }

    public async Task<ScoringConfigResult> PromoteShadow(string actor)
    {
        var errors = new List<FieldError>();
        TextRules.RequireActor(errors, actor);
        var current = state.State.TextModel ?? engine.ConfiguredModel;
        if (current?.ShadowPath is null)
        {
            errors.Add(new FieldError("ShadowPath", "there is no shadow model to promote"));
        }

        if (errors.Count > 0)
        {
            return new ScoringConfigResult(false, state.State.Version, errors);
        }

        state.State.TextModel = new TextModelAssignment(current!.ShadowPath!);
        await CommitAsync();
        return new ScoringConfigResult(true, state.State.Version, []);
    }

    private ScoringConfigSnapshot Snapshot() =>
        new(state.State.Version, [.. state.State.RuleSets.Values], [.. state.State.Banks.Values], state.State.TextModel);

    private async Task CommitAsync()
    {
        state.State.Version++;
        await state.WriteStateAsync();
        await broadcast.PublishAsync(ChannelNamespace, new ScoringConfigChanged(state.State.Version));
    }
}
