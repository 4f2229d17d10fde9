using Warden.Abstractions.Access;
using Warden.Abstractions.Labels;
using Warden.Abstractions.Runtime;
using Warden.Core.Access;

namespace Warden.Grains.Access;

public sealed class AccountRegistryGrain(
    [PersistentState("accounts", WardenProviders.GrainStorage)] IPersistentState<AccountRegistryState> state,
    TimeProvider clock)
    : Grain, IAccountRegistryGrain
{
    private static readonly TimeSpan SessionLifetime = TimeSpan.FromHours(12);

    public async Task<AccountResult> Create(string username, string password, IReadOnlyList<string> roles, IReadOnlyList<string> groups, string actor)
    {
        var errors = AccountRules.Validate(username, password ?? string.Empty, roles, groups).ToList();
        if (errors.Count == 0 && state.State.Accounts.ContainsKey(username))
        {
            errors.Add(new FieldError("Username", $"'{username}' is taken"));
        }

        if (errors.Count > 0)
        {
            return new AccountResult(null, errors);
        }

        var info = new AccountInfo { Username = username, Roles = [.. roles.Distinct()], Groups = [.. groups.Distinct()], CreatedAt = clock.GetUtcNow(), CreatedBy = actor };
        state.State.Accounts[username] = new StoredAccount(info, AccountRules.HashPassword(password!));
        await state.WriteStateAsync();
        return new AccountResult(info, []);
    }

    public async Task<AccountResult> CreateFirstAdmin(string username, string password, string actor) =>
        state.State.Accounts.Values.Any(a => a.Info.Roles.Contains(AccountRoles.Admin) && !a.Info.Disabled)
            ? new AccountResult(null, [new FieldError("Username", "an admin exists already: ask them for an account")])
            : await Create(username, password, [AccountRoles.Admin], [], actor);

    public async Task<AccountResult> SetAccess(string username, IReadOnlyList<string> roles, IReadOnlyList<string> groups, string actor)
    {
        if (!state.State.Accounts.TryGetValue(username ?? string.Empty, out var stored))
        {
            return Unknown(username);
        }

        var errors = AccountRules.CheckAccess(roles, groups).ToList();
        if (errors.Count > 0)
        {
            return new AccountResult(null, errors);
        }

        var info = stored.Info with { Roles = [.. roles.Distinct()], Groups = [.. groups.Distinct()] };
        state.State.Accounts[username!] = stored with { Info = info };
        await state.WriteStateAsync();
        return new AccountResult(info, []);
    }

    public async Task<AccountResult> SetPassword(string username, string password, string actor)
    {
        if (!state.State.Accounts.TryGetValue(username ?? string.Empty, out var stored))
        {
            return Unknown(username);
        }

        var errors = AccountRules.CheckPassword(password).ToList();
        if (errors.Count > 0)
        {
            return new AccountResult(null, errors);
        }

        state.State.Accounts[username!] = stored with { PasswordHash = AccountRules.HashPassword(password) };
        EndSessions(username!);
        await state.WriteStateAsync();
        return new AccountResult(stored.Info, []);
    }

    public async Task<AccountResult> Disable(string username, string actor)
    {
        if (!state.State.Accounts.TryGetValue(username ?? string.Empty, out var stored))
        {
            return Unknown(username);
        }

        var info = stored.Info with { Disabled = true };
        state.State.Accounts[username!] = stored with { Info = info };
        EndSessions(username!);
        await state.WriteStateAsync();
        return new AccountResult(info, []);
    }

    public Task<IReadOnlyList<AccountInfo>> List() =>
        Task.FromResult<IReadOnlyList<AccountInfo>>([.. state.State.Accounts.Values.Select(a => a.Info).OrderBy(a => a.Username, StringComparer.Ordinal)]);

    public async Task<SignInResult?> SignIn(string username, string password)
    {
        if (username is null || password is null || !state.State.Accounts.TryGetValue(username, out var stored) || stored.Info.Disabled
            || !AccountRules.VerifyPassword(stored.PasswordHash, password))
        {
            return null;
        }

        var now = clock.GetUtcNow();
        foreach (var expired in state.State.Sessions.Where(s => s.Value.ExpiresAt <= now).Select(s => s.Key).ToList())
        {
            state.State.Sessions.Remove(expired);
        }

        var token = AccountRules.NewSessionToken();
        var expiresAt = now + SessionLifetime;
        state.State.Sessions[AccountRules.SessionKey(token)] = (username, expiresAt);
        await state.WriteStateAsync();
        return new SignInResult(token, stored.Info, expiresAt);
    }

    public Task<AccountInfo?> ResolveSession(string token)
    {
        if (token is not null && state.State.Sessions.TryGetValue(AccountRules.SessionKey(token), out var session) && session.ExpiresAt > clock.GetUtcNow()
            && state.State.Accounts.TryGetValue(session.Username, out var stored) && !stored.Info.Disabled)
        {
            return Task.FromResult<AccountInfo?>(stored.Info);
        }

        return Task.FromResult<AccountInfo?>(null);
    }

    public async Task SignOut(string token)
    {
        if (token is not null && state.State.Sessions.Remove(AccountRules.SessionKey(token)))
        {
            await state.WriteStateAsync();
        }
    }

    private void EndSessions(string username)
    {
        foreach (var key in state.State.Sessions.Where(s => s.Value.Username == username).Select(s => s.Key).ToList())
        {
            state.State.Sessions.Remove(key);
        }
    }

    private static AccountResult Unknown(string? username) => new(null, [new FieldError("Username", $"there is no account '{username}'")]);
}
