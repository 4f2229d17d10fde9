using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Serialization;
using Warden.Abstractions.Scoring;
using Warden.Client;

namespace Warden.Cli;

/// <summary><c>warden rules put FILE…</c>: saves rule sets (JSON) as their next version.</summary>
internal static class RulesPutCommand
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow };

    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Rule set JSON files, e.g. samples/rules/*.json", Arity = ArgumentArity.OneOrMore };
        var actor = new Option<string>("--actor") { DefaultValueFactory = _ => "cli:" + Environment.UserName };
        var keepExisting = new Option<bool>("--keep-existing") { Description = "Leave rule sets that already exist alone" };
        var connection = new ConnectionOptions();
        var command = new Command("put", "Save keyword and pattern rule sets; every silo applies them within seconds") { files, actor, keepExisting };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var client = await WardenClient.ConnectAsync(connection.Read(parse), cancellationToken);
            var config = client.Grains.GetGrain<IScoringConfigGrain>(IScoringConfigGrain.DefaultKey);
            var failed = 0;
            foreach (var file in parse.GetValue(files)!)
            {
                RuleSetDefinition? set;
                try
                {
                    set = JsonSerializer.Deserialize<RuleSetDefinition>(await File.ReadAllTextAsync(file.FullName, cancellationToken), Json);
                }
                catch (JsonException error)
                {
                    failed++;
                    await Console.Error.WriteLineAsync($"{file.Name}: {error.Message}");
                    continue;
                }

                var current = (await config.Get()).RuleSets.FirstOrDefault(r => r.Name == set?.Name);
                if (current is not null && parse.GetValue(keepExisting))
                {
                    Console.WriteLine($"{current.Name}: kept version {current.Version}");
                    continue;
                }

                var result = await config.PutRuleSet(set!, current?.Version ?? 0, parse.GetValue(actor)!);
                failed += Report.Print(result, $"{set!.Name}: saved as version {result.Version}");
            }

            return failed > 0 ? 1 : 0;
        });
        return command;
    }
}
