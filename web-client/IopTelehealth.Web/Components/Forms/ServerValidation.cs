using System.Reflection;
using IopTelehealth.Contracts;
using Microsoft.AspNetCore.Components.Forms;

namespace IopTelehealth.Web.Components.Forms;

/// <summary>
/// Puts the server's verdict on a form: field errors of an Invalid result next to their fields (the contracts key
/// errors by input property name), anything else as a message above the form. The browser-side DataAnnotations
/// check cannot know about duplicates, another clinic's ids or domain rules, so both must be shown.
/// </summary>
public sealed class ServerValidation
{
    private readonly EditContext _context;
    private readonly ValidationMessageStore _store;
    private readonly List<string> _general = [];

    public ServerValidation(EditContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _store = new ValidationMessageStore(context);
        // Server messages describe the values that were sent; a new submit or an edit of the field makes them stale.
        // Clearing before validation also matters because EditContext.Validate() counts every store's messages.
        context.OnValidationRequested += (_, _) => Clear();
        context.OnFieldChanged += (_, e) => _store.Clear(e.FieldIdentifier);
    }

    /// <summary>Messages that belong to no single field (conflicts, missing records, lack of access).</summary>
    public IReadOnlyList<string> General => _general;

    /// <summary>True when the operation succeeded; otherwise records its errors for display and returns false.</summary>
    public bool Accept<T>(ApiResult<T> result)
    {
        ArgumentNullException.ThrowIfNull(result);
        Clear();
        if (result.IsOk)
        {
            return true;
        }

        var model = _context.Model.GetType();
        foreach (var (field, messages) in result.Errors ?? new Dictionary<string, string[]>())
        {
            if (model.GetProperty(field, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase) is { } property)
            {
                _store.Add(_context.Field(property.Name), messages);
            }
            else
            {
                _general.AddRange(messages);
            }
        }

        if (result.Status != ApiStatus.Invalid || result.Errors is not { Count: > 0 })
        {
            _general.Add(result.Message ?? "The request could not be completed.");
        }

        _context.NotifyValidationStateChanged();
        return false;
    }

    private void Clear()
    {
        _store.Clear();
        _general.Clear();
    }
}
