namespace Verkostamo.Components.Shared;

/// <summary>Field-level validation messages of a statically rendered form, already localised.</summary>
public sealed class FormErrors
{
    private readonly List<(string Field, string Message)> items = [];

    public bool Any => items.Count > 0;
    public IReadOnlyList<(string Field, string Message)> Items => items;

    public void Add(string field, string message) => items.Add((field, message));

    public string? For(string field) => items.FirstOrDefault(i => i.Field == field).Message;

    /// <summary>The id of the field's message element, for aria-describedby; null when the field is valid.</summary>
    public string? DescribedBy(string field) => For(field) is null ? null : field + "-error";

    public string? Invalid(string field) => For(field) is null ? null : "true";
}
