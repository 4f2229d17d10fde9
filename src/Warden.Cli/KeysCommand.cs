using System.CommandLine;
using Warden.Abstractions.Access;
using Warden.Client;

namespace Warden.Cli;

/// <summary><c>warden keys create|list|revoke</c>: API keys for the HTTP facade. A new key is printed once; only its hash is kept.</summary>
internal static class KeysCommand
{
    public static Command Create()
    {
        var keys = new Command("keys", "API keys for the HTTP facade");
        keys.Subcommands.Add(CreateVerb());
        keys.Subcommands.Add(ListVerb());
        keys.Subcommands.Add(RevokeVerb());
        return keys;
    }

    private static Command CreateVerb()
    {
        var name = new Argument<string>("name") { Description = "Who the key is for, e.g. spam-pipeline" };
        var scopes = new Option<string[]>("--scope") { Description = "Repeat for each: " + string.Join(", ", ApiScopes.All), Required = true, AllowMultipleArgumentsPerToken = true };
        var connection = new ConnectionOptions();
        var command = new Command("create", "Create a key; it is shown this once") { name, scopes };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var client = await WardenClient.ConnectAsync(connection.Read(parse), cancellationToken);
            var created = await Registry(client).Create(parse.GetValue(name)!, parse.GetValue(scopes)!, "cli:" + Environment.UserName);
            foreach (var error in created.Errors)
            {
                await Console.Error.WriteLineAsync($"{error.Field}: {error.Message}");
            }

            if (created.Key is null)
            {
                return 1;
            }

            Console.WriteLine(created.Key);
            await Console.Error.WriteLineAsync($"key {created.Info!.Id} ({created.Info.Name}: {string.Join(", ", created.Info.Scopes)}); store it now, it is not shown again");
            return 0;
        });
        return command;
    }

    private static Command ListVerb()
    {
        var connection = new ConnectionOptions();
        var command = new Command("list", "List keys (never their secrets)");
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var client = await WardenClient.ConnectAsync(connection.Read(parse), cancellationToken);
            foreach (var key in await Registry(client).List())
            {
                var state = key.RevokedAt is { } at ? $"revoked {at:u} by {key.RevokedBy}" : "active";
                Console.WriteLine($"{key.Id}  {key.Name,-24} {string.Join(",", key.Scopes),-40} created {key.CreatedAt:u} by {key.CreatedBy}  {state}");
            }

            return 0;
        });
        return command;
    }

    private static Command RevokeVerb()
    {
        var id = new Argument<string>("id") { Description = "The key id (the 12 hex digits after wdn_)" };
        var connection = new ConnectionOptions();
        var command = new Command("revoke", "Revoke a key; hosts stop accepting it within their key cache lifetime") { id };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var client = await WardenClient.ConnectAsync(connection.Read(parse), cancellationToken);
            if (!await Registry(client).Revoke(parse.GetValue(id)!, "cli:" + Environment.UserName))
            {
                await Console.Error.WriteLineAsync($"no key {parse.GetValue(id)}");
                return 1;
            }

            Console.WriteLine($"revoked {parse.GetValue(id)}");
            return 0;
        });
        return command;
    }

    private static IApiKeyRegistryGrain Registry(WardenClient client) => client.Grains.GetGrain<IApiKeyRegistryGrain>(IApiKeyRegistryGrain.DefaultKey);
}
