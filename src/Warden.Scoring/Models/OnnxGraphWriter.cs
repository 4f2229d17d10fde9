using Google.Protobuf;

namespace Warden.Scoring.Models;

/// <summary>
/// Writes a linear classifier as an ONNX model — <c>scores = Sigmoid(features · W + b)</c> — by encoding
/// the ONNX protobuf messages directly (field numbers from onnx.proto), so training needs no Python.
/// </summary>
public static class OnnxGraphWriter
{
    private const long IrVersion = 8;
    private const long Opset = 13;
    private const int FloatType = 1;

    /// <param name="weights">Row-major [dimension, categories].</param>
    public static byte[] LinearClassifier(int dimension, int categories, float[] weights, float[] bias, IReadOnlyDictionary<string, string> metadata)
    {
        if (weights.Length != dimension * categories || bias.Length != categories)
        {
            throw new ArgumentException("weights must be dimension × categories and bias one per category");
        }

        var graph = Message(g =>
        {
            g.Bytes(1, Node(["features", "W"], ["logits_raw"], "MatMul"));
            g.Bytes(1, Node(["logits_raw", "b"], ["logits"], "Add"));
            g.Bytes(1, Node(["logits"], ["scores"], "Sigmoid"));
            g.String(2, "warden_linear_classifier");
            g.Bytes(5, Tensor("W", [dimension, categories], weights));
            g.Bytes(5, Tensor("b", [categories], bias));
            g.Bytes(11, ValueInfo("features", dimension));
            g.Bytes(12, ValueInfo("scores", categories));
        });

        return Message(m =>
        {
            m.Int64(1, IrVersion);
            m.String(2, "warden-training");
            m.Bytes(7, graph);
            m.Bytes(8, Message(o =>
            {
                o.String(1, string.Empty);
                o.Int64(2, Opset);
            }));
            foreach (var (key, value) in metadata)
            {
                m.Bytes(14, Message(e =>
                {
                    e.String(1, key);
                    e.String(2, value);
                }));
            }
        });
    }

    private static byte[] Node(string[] inputs, string[] outputs, string op) => Message(n =>
    {
        foreach (var input in inputs)
        {
            n.String(1, input);
        }

        foreach (var output in outputs)
        {
            n.String(2, output);
        }

        n.String(3, op.ToLowerInvariant());
        n.String(4, op);
    });

    private static byte[] Tensor(string name, long[] dims, float[] values) => Message(t =>
    {
        foreach (var dim in dims)
        {
            t.Int64(1, dim);
        }

        t.Int64(2, FloatType);
        t.String(8, name);
        var raw = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length); // ONNX raw_data is little-endian, as is this machine
        t.Bytes(9, raw);
    });

    /// <summary>A float tensor [batch, width] with a symbolic batch dimension.</summary>
    private static byte[] ValueInfo(string name, int width) => Message(v =>
    {
        v.String(1, name);
        v.Bytes(2, Message(type => type.Bytes(1, Message(tensor =>
        {
            tensor.Int64(1, FloatType);
            tensor.Bytes(2, Message(shape =>
            {
                shape.Bytes(1, Message(d => d.String(2, "batch")));
                shape.Bytes(1, Message(d => d.Int64(1, width)));
            }));
        }))));
    });

    private static byte[] Message(Action<Writer> build)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            build(new Writer(output));
        }

        return buffer.ToArray();
    }

    private readonly struct Writer(CodedOutputStream output)
    {
        public void Int64(int field, long value)
        {
            output.WriteTag(field, WireFormat.WireType.Varint);
            output.WriteInt64(value);
        }

        public void String(int field, string value)
        {
            output.WriteTag(field, WireFormat.WireType.LengthDelimited);
            output.WriteString(value);
        }

        public void Bytes(int field, byte[] value)
        {
            output.WriteTag(field, WireFormat.WireType.LengthDelimited);
            output.WriteBytes(ByteString.CopyFrom(value));
        }
    }
}
