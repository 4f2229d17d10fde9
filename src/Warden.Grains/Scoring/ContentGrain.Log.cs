namespace Warden.Grains.Scoring;

public sealed partial class ContentGrain
{
    [LoggerMessage(Level = LogLevel.Warning, Message = "Scoring {Entity} submission {Key} failed; it stays received and the recovery pass retries it with backoff")]
    private partial void LogScoringFailed(Exception error, string entity, string key);

    [LoggerMessage(Level = LogLevel.Error, Message = "Scoring {Entity} submission {Key} failed {Attempts} times; marked failed ({Reason}) until an operator re-drives it")]
    private partial void LogScoringGaveUp(string entity, string key, int attempts, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "A scoring label on {Entity} was refused: {Errors}")]
    private partial void LogLabelRefused(string entity, string errors);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Entity} needed review ({Reason}) but no queue took it: {Errors}")]
    private partial void LogUnrouted(string entity, string reason, string errors);
}
