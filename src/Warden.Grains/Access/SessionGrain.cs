using Warden.Abstractions.Access;
using Warden.Abstractions.Runtime;

namespace Warden.Grains.Access;

[GenerateSerializer, Alias("warden.access.session-state")]
public sealed class SessionState
{
    [Id(0)] public SessionRecord? Session { get; set; }
}

/// <summary>A session's record, cleared when it ends or is found expired.</summary>
public sealed class SessionGrain([PersistentState("session", WardenProviders.GrainStorage)] IPersistentState<SessionState> state, TimeProvider clock)
    : Grain, ISessionGrain
{
    public async Task Open(string username, DateTimeOffset expiresAt)
    {
        state.State.Session = new SessionRecord(username, clock.GetUtcNow(), expiresAt);
        await state.WriteStateAsync();
    }

    public Task<SessionRecord?> Resolve() =>
        Task.FromResult(state.State.Session is { } session && session.ExpiresAt > clock.GetUtcNow() ? session : null);

    public async Task End()
    {
        if (state.RecordExists)
        {
            await state.ClearStateAsync();
        }

        DeactivateOnIdle();
    }
}
