using Microsoft.Extensions.Localization;
using Verkostamo.Components.Shared;
using Verkostamo.Core.Common;
using Verkostamo.Core.Networks;
using Verkostamo.Resources;

namespace Verkostamo.Features.Networks;

/// <summary>Form model of a network's details; validation is Core's, messages are the UI's.</summary>
public sealed class NetworkForm
{
    public string Name { get; set; } = "";
    public string? EventName { get; set; }
    public string? ShortDescription { get; set; }
    public string Language { get; set; } = "fi";
    public Guid Version { get; set; }

    public NetworkInput ToInput() => new(Name ?? "", EventName, ShortDescription, Language);

    /// <summary>Puts a Core error on the field it concerns.</summary>
    public static void AddError(FormErrors errors, string code, IStringLocalizer<SharedResource> l)
    {
        var field = code switch
        {
            ErrorCodes.NameRequired or ErrorCodes.NameTooLong => "Name",
            ErrorCodes.LanguageUnsupported => "Language",
            ErrorCodes.TextTooLong => "ShortDescription",
            _ => "Name",
        };
        errors.Add(field, l["Error." + code]);
    }
}
