using System.CommandLine;
using Warden.Abstractions.Events;
using Warden.Client;

namespace Warden.Cli;

/// <summary><c>warden streams dead-letters [--replay [ID…]]</c>: stream messages that were not delivered, and putting them back.</summary>
internal static class StreamsCommand
{
    public static Command Create() => new("streams", "The durable event streams") { DeadLettersVerb() };

    private static Command DeadLettersVerb()
    {
        var replay = new Option<bool>("--replay") { Description = "Put the listed messages (all when none is named) back on their queues to be delivered again" };
        var ids = new Argument<long[]>("id") { Description = "Message ids to replay", Arity = ArgumentArity.ZeroOrMore };
        var connection = new ConnectionOptions();
        var command = new Command("dead-letters", "List dead-lettered stream messages, or replay them") { replay, ids };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var client = await WardenClient.ConnectAsync(connection.Read(parse), cancellationToken);
            var letters = client.Grains.GetGrain<IStreamDeadLettersGrain>(IStreamDeadLettersGrain.DefaultKey);
            if (parse.GetValue(replay))
            {
                Console.WriteLine($"replayed {await letters.Replay([.. parse.GetValue(ids) ?? []])} messages");
                return 0;
            }

            Console.WriteLine($"{await letters.Count()} dead letters");
            for (var offset = 0; ; offset += 500)
            {
                var page = await letters.List(offset, 500);
                foreach (var letter in page)
                {
                    Console.WriteLine($"{letter.MessageId}  {letter.Provider,-14} {letter.Queue,-28} attempts {letter.Attempts,2}  created {letter.CreatedAt:u}  dead {letter.DeadAt:u}  removed {letter.RemovedAt:u}  {letter.PayloadBytes} bytes");
                }

                if (page.Count < 500)
                {
                    return 0;
                }
            }
        });
        return command;
    }
}
