namespace Warden.Grains.Labels;

public sealed partial class EntityGrain
{
    [LoggerMessage(Level = LogLevel.Information, Message = "Entity {Entity} trusted={Trusted}, set by {Actor}")]
    private partial void LogTrustChanged(string entity, bool trusted, string actor);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Label stream item for {Entity} refused: {Errors}")]
    private partial void LogStreamItemRejected(string entity, string errors);
}
