namespace Warden.Abstractions.Actions;

[GenerateSerializer, Alias("warden.actions.delivery-state")]
public enum ActionDeliveryState
{
    /// <summary>Waiting for its first or next attempt.</summary>
    Pending = 0,

    /// <summary>A receiver acknowledged it with a 2xx answer.</summary>
    Delivered = 1,

    /// <summary>No endpoint is configured for this action: it is recorded, not sent.</summary>
    NoEndpoint = 2,

    /// <summary>Every attempt failed; an operator can retry it from the dead-letter list.</summary>
    DeadLettered = 3,
}
