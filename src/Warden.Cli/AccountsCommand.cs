using System.CommandLine;
using Warden.Abstractions.Access;
using Warden.Client;

namespace Warden.Cli;

/// <summary><c>warden accounts create-admin|create|list</c>: people's accounts, starting with the first admin.</summary>
internal static class AccountsCommand
{
    public static Command Create() => new("accounts", "Reviewer, lead, admin and operator accounts") { CreateAdmin(), CreateAccount(), List() };

    private static Option<string?> Password() => new("--password")
    {
        Description = "The password (default: $WARDEN_PASSWORD, else read from standard input); at least 12 characters",
        DefaultValueFactory = _ => Environment.GetEnvironmentVariable("WARDEN_PASSWORD"),
    };

    private static string ReadPassword(string? given) => given ?? Console.In.ReadLine() ?? string.Empty;

    private static Command CreateAdmin()
    {
        var username = new Argument<string>("username");
        var password = Password();
        var connection = new ConnectionOptions();
        var command = new Command("create-admin", "Create the cluster's first admin (refused once there is one)") { username, password };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var client = await WardenClient.ConnectAsync(connection.Read(parse), cancellationToken);
            var result = await Registry(client).CreateFirstAdmin(parse.GetValue(username)!, ReadPassword(parse.GetValue(password)), "cli:" + Environment.UserName);
            return Print(result, "admin");
        });
        return command;
    }

    private static Command CreateAccount()
    {
        var username = new Argument<string>("username");
        var password = Password();
        var roles = new Option<string[]>("--role") { Description = "Repeat for each: " + string.Join(", ", AccountRoles.All), Required = true, AllowMultipleArgumentsPerToken = true };
        var groups = new Option<string[]>("--group") { Description = "Reviewer groups (queue access); repeat for each", AllowMultipleArgumentsPerToken = true };
        var connection = new ConnectionOptions();
        var command = new Command("create", "Create an account") { username, password, roles, groups };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var client = await WardenClient.ConnectAsync(connection.Read(parse), cancellationToken);
            var result = await Registry(client).Create(parse.GetValue(username)!, ReadPassword(parse.GetValue(password)), parse.GetValue(roles)!, parse.GetValue(groups) ?? [], "cli:" + Environment.UserName);
            return Print(result, string.Join(", ", parse.GetValue(roles)!));
        });
        return command;
    }

    private static Command List()
    {
        var connection = new ConnectionOptions();
        var command = new Command("list", "List accounts (never passwords)");
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var client = await WardenClient.ConnectAsync(connection.Read(parse), cancellationToken);
            foreach (var account in await Registry(client).List())
            {
                Console.WriteLine($"{account.Username}\t{string.Join(",", account.Roles)}\t{string.Join(",", account.Groups)}{(account.Disabled ? "\tdisabled" : string.Empty)}");
            }

            return 0;
        });
        return command;
    }

    private static int Print(AccountResult result, string what)
    {
        if (result.Errors.Count == 0)
        {
            Console.WriteLine($"created {result.Account!.Username} ({what})");
            return 0;
        }

        foreach (var error in result.Errors)
        {
            Console.Error.WriteLine($"{error.Field}: {error.Message}");
        }

        return 1;
    }

    private static IAccountRegistryGrain Registry(WardenClient client) => client.Grains.GetGrain<IAccountRegistryGrain>(IAccountRegistryGrain.DefaultKey);
}
