namespace Warden.Scoring.Models.Onnx;

/// <summary>Collects nodes and weights of one ONNX graph, naming each node after its output.</summary>
public sealed class OnnxGraphBuilder(string name)
{
    private readonly List<byte[]> _nodes = [];
    private readonly List<byte[]> _initializers = [];
    private readonly List<byte[]> _inputs = [];
    private readonly List<byte[]> _outputs = [];

    public int NodeCount => _nodes.Count;

    public string Node(string op, string output, IEnumerable<string> inputs, params byte[][] attributes)
    {
        _nodes.Add(OnnxProto.Node(op, inputs, [output], output, attributes));
        return output;
    }

    public string Weight(string weightName, long[] dims, float[] values)
    {
        _initializers.Add(OnnxProto.FloatTensor(weightName, dims, values));
        return weightName;
    }

    public string Int64Weight(string weightName, long[] dims, long[] values)
    {
        _initializers.Add(OnnxProto.Int64Tensor(weightName, dims, values));
        return weightName;
    }

    public void Input(string inputName, params object[] dims) => _inputs.Add(OnnxProto.ValueInfo(inputName, dims));

    public void Output(string outputName, params object[] dims) => _outputs.Add(OnnxProto.ValueInfo(outputName, dims));

    public byte[] ToModel(long opset, string producer, IReadOnlyDictionary<string, string> metadata)
    {
        var graph = OnnxProto.Message(g =>
        {
            _nodes.ForEach(node => g.Bytes(1, node));
            g.String(2, name);
            _initializers.ForEach(tensor => g.Bytes(5, tensor));
            _inputs.ForEach(input => g.Bytes(11, input));
            _outputs.ForEach(output => g.Bytes(12, output));
        });
        return OnnxProto.Model(graph, opset, producer, metadata);
    }
}
