using Warden.Abstractions.Labels;
using Warden.Abstractions.Runtime;

namespace Warden.Grains.Labels;

/// <summary>Fans a batch of enforcement reads out inside the cluster, on the silo that received it.</summary>
[StatelessWorker]
public sealed class EnforcementReaderGrain : Grain, IEnforcementReaderGrain
{
    public const int MaxEntities = 1000;

    public async Task<IReadOnlyList<EnforcementDecision>> GetEnforcements(string surface, IReadOnlyList<string> entities) =>
        await Task.WhenAll(Entities(entities).Select(e => e.GetEnforcement(surface)));

    public async Task<IReadOnlyList<EnforcementVerdict>> GetVerdicts(string surface, IReadOnlyList<string> entities) =>
        await Task.WhenAll(Entities(entities).Select(e => e.GetVerdict(surface)));

    private IEnumerable<IEntityGrain> Entities(IReadOnlyList<string> entities)
    {
        if (entities is null || entities.Count is 0 or > MaxEntities)
        {
            throw new ArgumentException($"Ask for between 1 and {MaxEntities} entities at once, not {entities?.Count ?? 0}.", nameof(entities));
        }

        return entities.Select(e => GrainFactory.Get<IEntityGrain>(e));
    }
}
