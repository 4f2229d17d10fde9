using System.Collections;
using System.Reflection;

namespace Warden.Grains.Runtime;

/// <summary>
/// Every type a grain persists through Orleans storage, and the rule they must keep to reload after a
/// restart: every serialized member declares a concrete type. A member declared as an interface or
/// abstract type is written with its runtime type's name, which a later process may refuse or no
/// longer have (a collection expression's compiler-generated list is one), and the grain then never
/// activates again. The silo checks this at start-up; the tests round-trip a sample of each type.
/// </summary>
public static class PersistedStateTypes
{
    /// <summary>The <c>T</c> of each <c>[PersistentState] IPersistentState&lt;T&gt;</c> of the grains in <paramref name="assembly"/>.</summary>
    public static IReadOnlyList<Type> In(Assembly assembly) =>
        [.. assembly.GetTypes()
            .Where(t => typeof(Grain).IsAssignableFrom(t) && !t.IsAbstract)
            .SelectMany(t => t.GetConstructors().SelectMany(c => c.GetParameters()))
            .Where(p => p.GetCustomAttribute<PersistentStateAttribute>() is not null && p.ParameterType.IsGenericType)
            .Select(p => p.ParameterType.GetGenericArguments()[0])
            .Distinct()
            .OrderBy(t => t.FullName, StringComparer.Ordinal)];

    /// <summary>Each serialized member, at any depth, whose declared type is not concrete: "State.Member: Type".</summary>
    public static IReadOnlyList<string> NonConcreteMembers(Type state)
    {
        var problems = new List<string>();
        Walk(state, state.Name, problems, []);
        return problems;
    }

    /// <summary>The members Orleans serializes: fields and properties carrying <see cref="IdAttribute"/>.</summary>
    public static IEnumerable<MemberInfo> SerializedMembers(Type type) =>
        type.GetMembers(BindingFlags.Instance | BindingFlags.Public | BindingFlags.NonPublic)
            .Where(m => m is FieldInfo or PropertyInfo && m.GetCustomAttribute<IdAttribute>() is not null);

    public static Type DeclaredType(MemberInfo member) => member is FieldInfo f ? f.FieldType : ((PropertyInfo)member).PropertyType;

    private static void Walk(Type type, string path, List<string> problems, HashSet<Type> seen)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || !seen.Add(type))
        {
            return;
        }

        if (type.IsInterface || type.IsAbstract || type == typeof(object))
        {
            problems.Add($"{path}: {Describe(type)} is not a concrete type");
            return;
        }

        if (type.IsArray)
        {
            Walk(type.GetElementType()!, path + "[]", problems, seen);
            return;
        }

        if (type.IsGenericType && (typeof(IEnumerable).IsAssignableFrom(type) || type.FullName!.StartsWith("System.ValueTuple", StringComparison.Ordinal)))
        {
            foreach (var argument in type.GetGenericArguments())
            {
                Walk(argument, $"{path}<{argument.Name}>", problems, seen);
            }

            return;
        }

        foreach (var member in SerializedMembers(type))
        {
            Walk(DeclaredType(member), $"{path}.{member.Name}", problems, seen);
        }
    }

    private static string Describe(Type type) =>
        type.IsGenericType ? $"{type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)]}<{string.Join(", ", type.GetGenericArguments().Select(Describe))}>" : type.Name;
}
