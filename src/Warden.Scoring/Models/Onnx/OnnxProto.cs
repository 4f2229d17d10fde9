using Google.Protobuf;

namespace Warden.Scoring.Models.Onnx;

/// <summary>
/// Encodes ONNX protobuf messages directly (field numbers from onnx.proto), so the project writes models
/// without Python or generated code. Only the fields Warden's writers use.
/// </summary>
public static class OnnxProto
{
    public const long IrVersion = 8;
    public const int FloatType = 1;
    public const int Int64Type = 7;

    public static byte[] Model(byte[] graph, long opset, string producer, IReadOnlyDictionary<string, string> metadata) => Message(m =>
    {
        m.Int64(1, IrVersion);
        m.String(2, producer);
        m.Bytes(7, graph);
        m.Bytes(8, Message(o =>
        {
            o.String(1, string.Empty);
            o.Int64(2, opset);
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

    public static byte[] Node(string op, IEnumerable<string> inputs, IEnumerable<string> outputs, string name, IEnumerable<byte[]>? attributes = null) => Message(n =>
    {
        foreach (var input in inputs)
        {
            n.String(1, input);
        }

        foreach (var output in outputs)
        {
            n.String(2, output);
        }

        n.String(3, name);
        n.String(4, op);
        foreach (var attribute in attributes ?? [])
        {
            n.Bytes(5, attribute);
        }
    });

    public static byte[] IntAttribute(string name, long value) => Message(a =>
    {
        a.String(1, name);
        a.Int64(3, value);
        a.Int64(20, 2);
    });

    public static byte[] IntsAttribute(string name, params long[] values) => Message(a =>
    {
        a.String(1, name);
        foreach (var value in values)
        {
            a.Int64(8, value);
        }

        a.Int64(20, 7);
    });

    public static byte[] StringAttribute(string name, string value) => Message(a =>
    {
        a.String(1, name);
        a.String(4, value);
        a.Int64(20, 3);
    });

    public static byte[] FloatAttribute(string name, float value) => Message(a =>
    {
        a.String(1, name);
        a.Float(2, value);
        a.Int64(20, 1);
    });

    public static byte[] FloatTensor(string name, long[] dims, float[] values)
    {
        var raw = new byte[values.Length * sizeof(float)];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length); // ONNX raw_data is little-endian, as is this machine
        return Tensor(name, dims, FloatType, raw);
    }

    public static byte[] Int64Tensor(string name, long[] dims, long[] values)
    {
        var raw = new byte[values.Length * sizeof(long)];
        Buffer.BlockCopy(values, 0, raw, 0, raw.Length);
        return Tensor(name, dims, Int64Type, raw);
    }

    /// <summary>A float tensor whose dimensions are fixed numbers or symbolic names (e.g. "batch").</summary>
    public static byte[] ValueInfo(string name, IEnumerable<object> dims) => Message(v =>
    {
        v.String(1, name);
        v.Bytes(2, Message(type => type.Bytes(1, Message(tensor =>
        {
            tensor.Int64(1, FloatType);
            tensor.Bytes(2, Message(shape =>
            {
                foreach (var dim in dims)
                {
                    shape.Bytes(1, Message(d =>
                    {
                        if (dim is string symbol)
                        {
                            d.String(2, symbol);
                        }
                        else
                        {
                            d.Int64(1, Convert.ToInt64(dim, System.Globalization.CultureInfo.InvariantCulture));
                        }
                    }));
                }
            }));
        }))));
    });

    public static byte[] Message(Action<Writer> build)
    {
        using var buffer = new MemoryStream();
        using (var output = new CodedOutputStream(buffer, leaveOpen: true))
        {
            build(new Writer(output));
        }

        return buffer.ToArray();
    }

    private static byte[] Tensor(string name, long[] dims, int type, byte[] raw) => Message(t =>
    {
        foreach (var dim in dims)
        {
            t.Int64(1, dim);
        }

        t.Int64(2, type);
        t.String(8, name);
        t.Bytes(9, raw);
    });

    public readonly struct Writer(CodedOutputStream output)
    {
        public void Int64(int field, long value)
        {
            output.WriteTag(field, WireFormat.WireType.Varint);
            output.WriteInt64(value);
        }

        public void Float(int field, float value)
        {
            output.WriteTag(field, WireFormat.WireType.Fixed32);
            output.WriteFloat(value);
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
