using System.Collections;
using System.Reflection;
using System.Runtime.CompilerServices;
using Warden.Grains.Runtime;

namespace Warden.Integration.Tests.Storage;

/// <summary>
/// Builds an instance of a serializable type with every serialized member filled, at every depth: one
/// element in each collection, the last value of each enum, a fixed time. Interface-typed members get a
/// collection expression's own list, as code writes them, so a state that declares one fails to reload.
/// </summary>
public static class SampleValues
{
    private const int MaxDepth = 8;
    private static readonly DateTimeOffset At = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);

    public static object? Create(Type type, int depth = 0)
    {
        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Create(underlying, depth);
        }

        if (type == typeof(string) || type == typeof(object)) return "sample";
        if (type == typeof(bool)) return true;
        if (type.IsEnum) return Enum.GetValues(type).Cast<object>().Last();
        if (type.IsPrimitive || type == typeof(decimal)) return Convert.ChangeType(7, type, System.Globalization.CultureInfo.InvariantCulture);
        if (type == typeof(DateTimeOffset)) return At;
        if (type == typeof(DateTime)) return At.UtcDateTime;
        if (type == typeof(TimeSpan)) return TimeSpan.FromSeconds(90);
        if (type == typeof(Guid)) return new Guid("6c1f9e47-2b51-4a55-9d6a-4d1c0b1b2f11");
        if (type == typeof(byte[])) return new byte[] { 1, 2, 3 };
        if (depth > MaxDepth) return type.IsValueType ? Activator.CreateInstance(type) : null;

        if (type.IsArray)
        {
            var array = Array.CreateInstance(type.GetElementType()!, 1);
            array.SetValue(Create(type.GetElementType()!, depth + 1), 0);
            return array;
        }

        if (type.IsGenericType && type.FullName!.StartsWith("System.ValueTuple", StringComparison.Ordinal))
        {
            return Activator.CreateInstance(type, [.. type.GetGenericArguments().Select(a => Create(a, depth + 1))]);
        }

        if (type.IsInterface && type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
        {
            return CollectionExpressionOf(type, depth);
        }

        if (type.IsGenericType && typeof(IDictionary).IsAssignableFrom(type))
        {
            var dictionary = (IDictionary)Activator.CreateInstance(type)!;
            var arguments = type.GetGenericArguments();
            dictionary.Add(Create(arguments[0], depth + 1)!, Create(arguments[1], depth + 1));
            return dictionary;
        }

        if (type.IsGenericType && typeof(IEnumerable).IsAssignableFrom(type))
        {
            var collection = Activator.CreateInstance(type)!;
            type.GetMethod("Add")!.Invoke(collection, [Create(type.GetGenericArguments()[0], depth + 1)]);
            return collection;
        }

        var instance = RuntimeHelpers.GetUninitializedObject(type);
        foreach (var member in PersistedStateTypes.SerializedMembers(type))
        {
            Set(instance, member, Create(PersistedStateTypes.DeclaredType(member), depth + 1));
        }

        return instance;
    }

    /// <summary>What <c>IReadOnlyList&lt;T&gt; x = [item];</c> produces: the compiler's own list type.</summary>
    private static object CollectionExpressionOf(Type type, int depth)
    {
        var element = type.GetGenericArguments()[^1];
        var method = typeof(SampleValues).GetMethod(nameof(ListExpression), BindingFlags.NonPublic | BindingFlags.Static)!.MakeGenericMethod(element);
        return method.Invoke(null, [Create(element, depth + 1)])!;
    }

    private static IReadOnlyList<T> ListExpression<T>(T item) => [item, item];

    private static void Set(object instance, MemberInfo member, object? value)
    {
        if (member is FieldInfo field)
        {
            field.SetValue(instance, value);
            return;
        }

        var property = (PropertyInfo)member;
        if (property.SetMethod is not null)
        {
            property.SetValue(instance, value);
            return;
        }

        var backing = property.DeclaringType!.GetField($"<{property.Name}>k__BackingField", BindingFlags.Instance | BindingFlags.NonPublic)
            ?? throw new InvalidOperationException($"{property.DeclaringType.Name}.{property.Name} has no setter and no backing field");
        backing.SetValue(instance, value);
    }
}
