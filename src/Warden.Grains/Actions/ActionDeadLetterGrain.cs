using Warden.Abstractions.Actions;
using Warden.Abstractions.Reviews;
using Warden.Abstractions.Runtime;

namespace Warden.Grains.Actions;

[GenerateSerializer, Alias("warden.actions.dead-letter-state")]
public sealed class DeadLetterState
{
    [Id(0)] public List<ActionDelivery> Items { get; set; } = [];
}

/// <summary>The dead-letter list operators see: one entry per action key, oldest first.</summary>
public sealed class ActionDeadLetterGrain(
    [PersistentState("dead-letters", WardenProviders.GrainStorage)] IPersistentState<DeadLetterState> list)
    : Grain, IActionDeadLetterGrain
{
    private const int MaxPage = 500;

    public async Task Add(ActionDelivery delivery)
    {
        list.State.Items.RemoveAll(i => i.IdempotencyKey == delivery.IdempotencyKey);
        list.State.Items.Add(delivery);
        await list.WriteStateAsync();
    }

    public Task<IReadOnlyList<ActionDelivery>> List(int skip, int take)
    {
        if (skip < 0 || take is < 1 or > MaxPage)
        {
            throw new ArgumentOutOfRangeException(nameof(take), $"skip must be 0 or more and take between 1 and {MaxPage}");
        }

        return Task.FromResult<IReadOnlyList<ActionDelivery>>([.. list.State.Items.Skip(skip).Take(take)]);
    }

    public async Task<bool> Retry(string idempotencyKey)
    {
        var item = list.State.Items.FirstOrDefault(i => i.IdempotencyKey == idempotencyKey);
        if (item is null)
        {
            return false;
        }

        list.State.Items.Remove(item);
        await list.WriteStateAsync();
        return await GrainFactory.GetGrain<IReviewJobGrain>(item.JobId).RetryAction(idempotencyKey);
    }
}
