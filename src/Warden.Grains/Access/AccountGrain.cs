using Warden.Abstractions.Access;
using Warden.Abstractions.Runtime;
using Warden.Core.Access;

namespace Warden.Grains.Access;

[GenerateSerializer, Alias("warden.access.account-grain-state")]
public sealed class AccountState
{
    [Id(0)] public StoredAccount? Account { get; set; }

    /// <summary>Sessions opened before this no longer count: a password change or a disable moves it.</summary>
    [Id(1)] public DateTimeOffset SessionsValidFrom { get; set; }

    /// <summary>This account's sessions (by token hash) and when each ends: for the cap and for pruning.</summary>
    [Id(2)] public Dictionary<string, DateTimeOffset> Sessions { get; set; } = [];
}

/// <summary>One account and the list of its sessions; an hourly reminder prunes expired sessions while there are any.</summary>
public sealed class AccountGrain([PersistentState("account", WardenProviders.GrainStorage)] IPersistentState<AccountState> state, TimeProvider clock)
    : Grain, IAccountGrain, IRemindable
{
    private const string PruneReminder = "prune-sessions";

    public Task<AccountSnapshot?> Get() =>
        Task.FromResult(state.State.Account is { } account ? new AccountSnapshot(account, state.State.SessionsValidFrom) : null);

    public async Task Store(StoredAccount account, bool endSessions)
    {
        ArgumentNullException.ThrowIfNull(account);
        if (account.Info.Username != this.GetPrimaryKeyString())
        {
            throw new ArgumentException($"account {account.Info.Username} belongs to another grain", nameof(account));
        }

        state.State.Account = account;
        if (endSessions)
        {
            state.State.SessionsValidFrom = clock.GetUtcNow();
            await EndAsync([.. state.State.Sessions.Keys]);
        }

        await state.WriteStateAsync();
    }

    public async Task OpenSession(string sessionKey, DateTimeOffset expiresAt)
    {
        var now = clock.GetUtcNow();
        var ending = state.State.Sessions.Where(s => s.Value <= now).Select(s => s.Key).ToList();
        var live = state.State.Sessions.Where(s => s.Value > now).OrderBy(s => s.Value).ToList();
        ending.AddRange(live.Take(Math.Max(0, live.Count - (AccountRules.MaxSessionsPerAccount - 1))).Select(s => s.Key));
        await EndAsync(ending);
        state.State.Sessions[sessionKey] = expiresAt;
        await state.WriteStateAsync();
        await GrainFactory.GetGrain<ISessionGrain>(sessionKey).Open(this.GetPrimaryKeyString(), expiresAt);
        await this.RegisterOrUpdateReminder(PruneReminder, TimeSpan.FromHours(1), TimeSpan.FromHours(1));
    }

    public async Task ReceiveReminder(string reminderName, TickStatus status)
    {
        var now = clock.GetUtcNow();
        var expired = state.State.Sessions.Where(s => s.Value <= now).Select(s => s.Key).ToList();
        if (expired.Count > 0)
        {
            await EndAsync(expired);
            await state.WriteStateAsync();
        }

        if (state.State.Sessions.Count == 0 && await this.GetReminder(PruneReminder) is { } reminder)
        {
            await this.UnregisterReminder(reminder);
        }
    }

    private async Task EndAsync(IReadOnlyList<string> sessionKeys)
    {
        await Task.WhenAll(sessionKeys.Select(k => GrainFactory.GetGrain<ISessionGrain>(k).End()));
        foreach (var key in sessionKeys)
        {
            state.State.Sessions.Remove(key);
        }
    }
}
