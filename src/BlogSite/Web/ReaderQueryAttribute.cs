using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace BlogSite.Web;

/// <summary>
/// Binds a query value of a <see cref="ReaderPageAttribute"/> page: a positive whole number in its one canonical
/// form ("7", never "007", "+7" or " 7"), given once. Anything else leaves the parameter at its default and
/// ModelState invalid, so the page can refuse it. The page cache parses its key with the same rule, so a
/// value it keys on always means one page.
/// </summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class ReaderQueryAttribute : ModelBinderAttribute
{
    public ReaderQueryAttribute()
        : base(typeof(Binder)) => BindingSource = BindingSource.Query;

    /// <summary>Whether <paramref name="text"/> is a positive int written as digits without a leading zero.</summary>
    public static bool TryParseNumber(ReadOnlySpan<char> text, out int number)
    {
        number = 0;
        return text.Length is > 0 and <= 10
            && text[0] is >= '1' and <= '9'
            && int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out number);
    }

    private sealed class Binder : IModelBinder
    {
        public Task BindModelAsync(ModelBindingContext bindingContext)
        {
            // The parameter's own name: MVC falls back to an empty prefix when the query lacks it.
            var name = bindingContext.FieldName;
            var values = bindingContext.ValueProvider.GetValue(name);
            if (values == ValueProviderResult.None)
            {
                return Task.CompletedTask;
            }

            bindingContext.ModelState.SetModelValue(name, values);
            if (values.Length == 1 && TryParseNumber(values.FirstValue, out var number))
            {
                bindingContext.Result = ModelBindingResult.Success(number);
            }
            else
            {
                bindingContext.ModelState.TryAddModelError(name, $"{name} must be a positive whole number, given once.");
            }

            return Task.CompletedTask;
        }
    }
}
