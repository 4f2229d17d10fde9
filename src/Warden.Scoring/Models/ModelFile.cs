using Microsoft.ML.OnnxRuntime;

namespace Warden.Scoring.Models;

/// <summary>Opens a model file for any of the served contracts, refusing a missing or unloadable file with the reason.</summary>
internal static class ModelFile
{
    public static InferenceSession Open(string path, SessionOptions? options)
    {
        if (!File.Exists(path))
        {
            throw new ModelContractException(path, "the file does not exist");
        }

        try
        {
            return options is null ? new InferenceSession(path) : new InferenceSession(path, options);
        }
        catch (OnnxRuntimeException error)
        {
            throw new ModelContractException(path, $"ONNX Runtime cannot load it ({error.Message})");
        }
    }
}
