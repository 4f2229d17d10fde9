using Warden.Abstractions.Access;
using Warden.Abstractions.Runtime;
using Warden.Core.Access;
using Warden.Abstractions.Validation;

namespace Warden.Grains.Access;

/// <summary>
/// Creates and changes accounts and keeps their list. Each account is stored in its own grain first, then
/// listed here; a username found in either place is taken.
/// </summary>
public sealed class AccountRegistryGrain(
    [PersistentState("account-index", WardenProviders.GrainStorage)] IPersistentState<AccountRegistryState> state,
    PasswordPolicy passwords,
    TimeProvider clock)
    : Grain, IAccountRegistryGrain
{
    public async Task<AccountResult> Create(string username, string password, IReadOnlyList<string> roles, IReadOnlyList<string> groups, string actor)
    {
        var errors = AccountRules.Validate(username, null, roles, groups).Concat(passwords.Check(password, username)).ToList();
        if (errors.Count == 0 && (state.State.Accounts.ContainsKey(username) || await Account(username).Get() is not null))
        {
            errors.Add(new FieldError("Username", $"'{username}' is taken"));
        }

        if (errors.Count > 0)
        {
            return new AccountResult(null, errors);
        }

        var info = new AccountInfo { Username = username, Roles = [.. roles.Distinct()], Groups = [.. groups.Distinct()], CreatedAt = clock.GetUtcNow(), CreatedBy = actor };
        await Account(username).Store(new StoredAccount(info, AccountRules.HashPassword(password!)), endSessions: false);
        return await ListAsync(info);
    }

    public async Task<AccountResult> CreateFirstAdmin(string username, string password, string actor) =>
        state.State.Accounts.Values.Any(a => a.Roles.Contains(AccountRoles.Admin) && !a.Disabled)
            ? new AccountResult(null, [new FieldError("Username", "an admin exists already: ask them for an account")])
            : await Create(username, password, [AccountRoles.Admin], [], actor);

    public async Task<AccountResult> SetAccess(string username, IReadOnlyList<string> roles, IReadOnlyList<string> groups, string actor)
    {
        var errors = AccountRules.CheckAccess(roles, groups).ToList();
        if (errors.Count > 0)
        {
            return new AccountResult(null, errors);
        }

        return await ChangeAsync(username, stored => stored with { Info = stored.Info with { Roles = [.. roles.Distinct()], Groups = [.. groups.Distinct()] } }, endSessions: false);
    }

    public async Task<AccountResult> SetPassword(string username, string password, string actor)
    {
        var errors = passwords.Check(password, username).ToList();
        if (errors.Count > 0)
        {
            return new AccountResult(null, errors);
        }

        return await ChangeAsync(username, stored => stored with { PasswordHash = AccountRules.HashPassword(password) }, endSessions: true);
    }

    public Task<AccountResult> Disable(string username, string actor) =>
        ChangeAsync(username, stored => stored with { Info = stored.Info with { Disabled = true } }, endSessions: true);

    public Task<IReadOnlyList<AccountInfo>> List() =>
        Task.FromResult<IReadOnlyList<AccountInfo>>([.. state.State.Accounts.Values.OrderBy(a => a.Username, StringComparer.Ordinal)]);

    private async Task<AccountResult> ChangeAsync(string? username, Func<StoredAccount, StoredAccount> change, bool endSessions)
    {
        if (string.IsNullOrEmpty(username) || await Account(username).Get() is not { } current)
        {
            return new AccountResult(null, [new FieldError("Username", $"there is no account '{username}'")]);
        }

        var changed = change(current.Account);
        await Account(username).Store(changed, endSessions);
        return await ListAsync(changed.Info);
    }

    private async Task<AccountResult> ListAsync(AccountInfo info)
    {
        state.State.Accounts[info.Username] = info;
        await state.WriteStateAsync();
        return new AccountResult(info, []);
    }

    private IAccountGrain Account(string username) => GrainFactory.GetGrain<IAccountGrain>(username);
}
