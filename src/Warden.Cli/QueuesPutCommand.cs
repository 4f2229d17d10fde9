using System.CommandLine;
using Warden.Abstractions.Queues;
using Warden.Client;
using Warden.Core.Queues;

namespace Warden.Cli;

/// <summary><c>warden queues put FILE…</c>: saves queue configs (JSON) as their next version, listing every error.</summary>
internal static class QueuesPutCommand
{
    public static Command Create()
    {
        var files = new Argument<FileInfo[]>("files") { Description = "Queue config JSON files, e.g. samples/queues/*.json", Arity = ArgumentArity.OneOrMore };
        var actor = new Option<string>("--actor") { Description = "Recorded as who saved each version", DefaultValueFactory = _ => "cli:" + Environment.UserName };
        var keepExisting = new Option<bool>("--keep-existing") { Description = "Leave queues that already have a config alone" };
        var connection = new ConnectionOptions();
        var command = new Command("put", "Save queue configs; each becomes the queue's next version") { files, actor, keepExisting };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var client = await WardenClient.ConnectAsync(connection.Read(parse), cancellationToken);
            var failed = 0;
            foreach (var file in parse.GetValue(files)!)
            {
                var (config, errors) = QueueConfigJson.Parse(await File.ReadAllTextAsync(file.FullName, cancellationToken));
                if (config is not null)
                {
                    var queue = client.Grains.GetGrain<IQueueGrain>(config.Id);
                    var current = await queue.GetConfig();
                    if (current is not null && parse.GetValue(keepExisting))
                    {
                        Console.WriteLine($"{config.Id}: kept version {current.Version}");
                        continue;
                    }

                    var saved = await queue.SaveConfig(config, current?.Version ?? 0, parse.GetValue(actor)!);
                    errors = saved.Errors;
                    if (saved.Version is { } version)
                    {
                        Console.WriteLine($"{config.Id}: saved as version {version}");
                    }
                }

                foreach (var error in errors)
                {
                    failed++;
                    await Console.Error.WriteLineAsync($"{file.Name}: {error.Field}: {error.Message}");
                }
            }

            return failed > 0 ? 1 : 0;
        });
        return command;
    }
}
