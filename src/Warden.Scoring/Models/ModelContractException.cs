namespace Warden.Scoring.Models;

/// <summary>A model file that does not honour the contract this server serves: it is refused, not guessed at.</summary>
public sealed class ModelContractException(string model, string reason)
    : Exception($"The model '{model}' cannot be served: {reason}.");
