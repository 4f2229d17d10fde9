using System.CommandLine;
using Warden.Abstractions.Scoring;
using Warden.Client;

namespace Warden.Cli;

/// <summary><c>warden models set|promote</c>: which text model every silo serves, and the shadow beside it.</summary>
internal static class ModelsCommand
{
    public static Command Create() => new("models", "The text model every silo serves") { Set(), Promote() };

    private static Command Set()
    {
        var live = new Option<FileInfo>("--live") { Description = "The ONNX model that acts", Required = true };
        var shadow = new Option<FileInfo?>("--shadow") { Description = "An ONNX model scored beside it without acting" };
        var actor = new Option<string>("--actor") { DefaultValueFactory = _ => "cli:" + Environment.UserName };
        var connection = new ConnectionOptions();
        var command = new Command("set", "Serve these model files (paths as the silos see them)") { live, shadow, actor };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var client = await WardenClient.ConnectAsync(connection.Read(parse), cancellationToken);
            var assignment = new TextModelAssignment(parse.GetValue(live)!.FullName, parse.GetValue(shadow)?.FullName);
            var result = await client.Grains.GetGrain<IScoringConfigGrain>(IScoringConfigGrain.DefaultKey).SetTextModel(assignment, parse.GetValue(actor)!);
            return Report.Print(result, $"serving {assignment.LivePath}{(assignment.ShadowPath is null ? string.Empty : $" with shadow {assignment.ShadowPath}")}");
        });
        return command;
    }

    private static Command Promote()
    {
        var actor = new Option<string>("--actor") { DefaultValueFactory = _ => "cli:" + Environment.UserName };
        var connection = new ConnectionOptions();
        var command = new Command("promote", "Make the shadow model live") { actor };
        connection.AddTo(command);
        command.SetAction(async (parse, cancellationToken) =>
        {
            await using var client = await WardenClient.ConnectAsync(connection.Read(parse), cancellationToken);
            var config = client.Grains.GetGrain<IScoringConfigGrain>(IScoringConfigGrain.DefaultKey);
            var result = await config.PromoteShadow(parse.GetValue(actor)!);
            return Report.Print(result, $"promoted: serving {(await config.Get()).TextModel?.LivePath}");
        });
        return command;
    }
}
