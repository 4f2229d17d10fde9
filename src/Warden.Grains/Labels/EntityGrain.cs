using Orleans.Streams;
using Orleans.Streams.Core;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Runtime;
using Warden.Core.Labels;
using Microsoft.Extensions.Options;
using Warden.Grains.Policies;
using Warden.Grains.Scoring;
using Warden.Abstractions.Validation;
using Warden.Core.Validation;

namespace Warden.Grains.Labels;

/// <summary>
/// An entity's labels and enforcement. A change is stored together with its history rows and, where a
/// surface's answer moved, its <c>warden.enforcement</c> events (one atomic write to the outbox, which
/// the relay publishes). Enforcement is computed from memory and cached per surface.
/// </summary>
[ImplicitStreamSubscription(WardenStreams.Labels)]
// Five idle minutes, not Orleans' default of fifteen: an idle entity holds about 3.4 KB (measured, two labels)
// and most entities are read in a burst and then rarely; a later cold read costs one batched row fetch (p50 ~2 ms).
[CollectionAgeLimit(Minutes = 5)]
public sealed partial class EntityGrain(
    IEntityLabelStore store,
    CatalogCache catalogs,
    ILabelHistory history,
    IHoldReviewRequests holdReviews,
    TimeProvider clock,
    ILogger<EntityGrain> logger)
    : Grain, IEntityGrain, IRemindable, IStreamSubscriptionObserver
{
    private const int MaxHistory = 1000;
    private const int MaxLabelsPerWrite = 1000;

    /// <summary>
    /// Scores decay with time, so a cached decision is also re-computed after this long even when
    /// nothing changed: the bound on how stale a ranking can be.
    /// </summary>
    private static readonly TimeSpan DecisionLifetime = TimeSpan.FromMinutes(1);

    private readonly Dictionary<string, EnforcementDecision> _decisions = new(StringComparer.Ordinal);
    private EntityLabelState _state = new();
    private int _version;
    private LabelBook? _book;
    private int _keyCheckedForVersion;

    private string Key => this.GetPrimaryKeyString();

    private LabelBook Book => _book ??= new LabelBook(Key, _state);

    public override async Task OnActivateAsync(CancellationToken cancellationToken)
    {
        (_state, _version) = await store.ReadAsync(Key);

        // Labels that expired while the entity was inactive leave now, with their history rows.
        await ExpireDueAsync();
    }

    public async Task<LabelWriteResult> WriteLabel(Label label, string actor) => (await WriteLabels([label], actor))[0];

    public async Task<IReadOnlyList<LabelWriteResult>> WriteLabels(IReadOnlyList<Label> labels, string actor)
    {
        var catalog = await catalogs.GetAsync();
        var refused = RequestErrors(catalog, actor);
        if (labels is null || labels.Count is 0 or > MaxLabelsPerWrite)
        {
            refused = [.. refused, new FieldError("Labels", $"write between 1 and {MaxLabelsPerWrite} labels at once, not {labels?.Count ?? 0}")];
        }

        if (refused.Count > 0)
        {
            return [.. (labels ?? [null!]).Select(_ => LabelWriteResult.Rejected(refused))];
        }

        var before = ResolveAll(catalog);
        var now = clock.GetUtcNow();
        var results = new List<LabelWriteResult>(labels!.Count);
        var changes = new List<LabelChange>();
        foreach (var label in labels)
        {
            var (result, made) = Book.Write(label, catalog, actor, now);
            results.Add(result);
            changes.AddRange(made);
        }

        if (changes.Count > 0)
        {
            await CommitAsync(changes, catalog, before);
        }

        return results;
    }

    public async Task<LabelWriteResult> RemoveLabel(LabelSource source, string actor, string? reason)
    {
        var catalog = await catalogs.GetAsync();
        var errors = RequestErrors(catalog, actor);
        if (source is null)
        {
            errors = [.. errors, new FieldError("Source", "is required")];
        }

        if (reason is not null)
        {
            var reasonErrors = new List<FieldError>();
            TextRules.CheckText(reasonErrors, "Reason", reason, catalog.Catalog.MaxEvidenceLength);
            errors = [.. errors, .. reasonErrors];
        }

        if (errors.Count > 0)
        {
            return LabelWriteResult.Rejected(errors);
        }

        var before = ResolveAll(catalog);
        var (result, changes) = Book.Remove(source!, actor, clock.GetUtcNow(), reason);
        if (changes.Count > 0)
        {
            await CommitAsync(changes, catalog, before);
        }

        return result;
    }

    public async Task SetTrusted(bool trusted, string actor)
    {
        var errors = RequestErrors(await catalogs.GetAsync(), actor);
        if (errors.Count > 0)
        {
            throw new ArgumentException(string.Join("; ", errors));
        }

        if (_state.Trusted != trusted)
        {
            _state.Trusted = trusted;
            await SaveAsync([], []);
            LogTrustChanged(Key, trusted, actor);
        }
    }

    public Task<EntityLabels> GetLabels() =>
        Task.FromResult(new EntityLabels(Key, [.. _state.Live.Values], [.. _state.Held.Values], _state.Trusted));

    public async Task<EnforcementVerdict> GetVerdict(string surface) => EnforcementVerdict.Of(await GetEnforcement(surface));

    public async Task<EnforcementDecision> GetEnforcement(string surface)
    {
        var catalog = await CheckedCatalogAsync();
        if (surface is null || !catalog.TryGetSurface(surface, out _))
        {
            throw new ArgumentException($"Unknown surface '{surface}'. Known surfaces: {string.Join(", ", catalog.SurfaceNames.Order())}.", nameof(surface));
        }

        return Resolve(catalog, surface);
    }

    public async Task<IReadOnlyList<EnforcementDecision>> GetEnforcements() => [.. ResolveAll(await CheckedCatalogAsync()).Values];

    /// <summary>The catalog, once this entity's key is known to be valid under it (checked once per catalog version).</summary>
    private async Task<CatalogView> CheckedCatalogAsync()
    {
        var catalog = await catalogs.GetAsync();
        if (_keyCheckedForVersion != catalog.Version)
        {
            var keyErrors = EntityKey.Validate(Key, catalog);
            if (keyErrors.Count > 0)
            {
                throw new ArgumentException(string.Join("; ", keyErrors));
            }

            _keyCheckedForVersion = catalog.Version;
        }

        return catalog;
    }

    public Task<IReadOnlyList<LabelChange>> GetHistory(int limit)
    {
        if (limit is < 1 or > MaxHistory)
        {
            throw new ArgumentOutOfRangeException(nameof(limit), limit, $"limit must be between 1 and {MaxHistory}");
        }

        return history.ForEntityAsync(Key, limit);
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        if (reminderName == ExpiryReminder)
        {
            // It exists (it fired), so the grain can unregister it once nothing is left to expire.
            _reminderRegistered = true;
            await ExpireDueAsync();
        }
    }

    public async Task OnSubscribed(IStreamSubscriptionHandleFactory handleFactory) =>
        await handleFactory.Create<LabelStreamItem>().ResumeAsync(OnStreamItemAsync);

    private async Task OnStreamItemAsync(LabelStreamItem item, StreamSequenceToken? token)
    {
        var result = item.Label is not null
            ? await WriteLabel(item.Label, item.Actor)
            : await RemoveLabel(item.Remove!, item.Actor, "removed through the warden.labels stream");
        if (result.Outcome == LabelWriteOutcome.Rejected)
        {
            LogStreamItemRejected(Key, string.Join("; ", result.Errors));
        }
    }

    private IReadOnlyList<FieldError> RequestErrors(CatalogView catalog, string actor)
    {
        var errors = new List<FieldError>(EntityKey.Validate(Key, catalog));
        TextRules.RequireActor(errors, actor);
        return errors;
    }

    private EnforcementDecision Resolve(CatalogView catalog, string surface)
    {
        var now = clock.GetUtcNow();
        if (_decisions.TryGetValue(surface, out var cached) && cached.CatalogVersion == catalog.Version && now - cached.DecidedAt < DecisionLifetime)
        {
            return cached;
        }

        catalog.TryGetSurface(surface, out var definition);
        var decision = EnforcementResolver.Resolve(Key, definition, _state.Live.Values, catalog, now);
        _decisions[surface] = decision;
        return decision;
    }

    private Dictionary<string, EnforcementDecision> ResolveAll(CatalogView catalog) =>
        catalog.SurfaceNames.ToDictionary(s => s, s => Resolve(catalog, s), StringComparer.Ordinal);

    /// <summary>
    /// Stores the state with the history of <paramref name="changes"/> and the <paramref name="events"/> they
    /// cause (one write: the outbox relay publishes them). If that fails the in-memory state is ahead of
    /// storage, so the activation goes away and the next call reloads what was stored.
    /// </summary>
    private async Task SaveAsync(IReadOnlyList<LabelChange> changes, IReadOnlyList<EnforcementChanged> events)
    {
        try
        {
            _version = await store.WriteAsync(Key, _state, _version, changes, events);
        }
        catch
        {
            _decisions.Clear();
            DeactivateOnIdle();
            throw;
        }
    }

    private async Task CommitAsync(IReadOnlyList<LabelChange> changes, CatalogView catalog, Dictionary<string, EnforcementDecision> before)
    {
        _decisions.Clear();
        await SaveAsync(changes, ChangedEnforcements(catalog, before, _version + 1));
        if (changes.Any(c => c.Kind is LabelChangeKind.Held or LabelChangeKind.Released or LabelChangeKind.HoldRejected)
            || (_state.Trusted && changes.Any(c => c.Kind is LabelChangeKind.Removed or LabelChangeKind.Expired)))
        {
            await holdReviews.RecordAsync(changes);
        }

        await ScheduleExpiryAsync();
    }

    /// <summary>The surfaces whose answer the change moved, as events of the version about to be stored.</summary>
    private List<EnforcementChanged> ChangedEnforcements(CatalogView catalog, Dictionary<string, EnforcementDecision> before, int version) =>
        [.. before
            .Select(b => (Previous: b.Value, Current: Resolve(catalog, b.Key)))
            .Where(d => d.Current.Enforcement != d.Previous.Enforcement)
            .Select(d => new EnforcementChanged(Key, d.Current.Surface, d.Previous.Enforcement, d.Current)
            {
                EventId = EnforcementChanged.IdOf(Key, version, d.Current.Surface),
                EntityVersion = version,
            })];
}
