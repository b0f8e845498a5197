using System.Linq.Expressions;
using NodaTime;

namespace FleetPool.Core.Reporting;

/// <summary>
/// Puts "which month of the 12-month window" into a query, so the database sums a year per vehicle and month in one
/// statement: <see cref="Of"/> marks the instant in a key selector and <see cref="Rewrite"/> turns the mark into
/// <c>CASE WHEN at &lt; start₁ THEN 0 WHEN at &lt; start₂ THEN 1 … ELSE 11 END</c> for the given month starts.
/// </summary>
internal static class WindowMonths
{
    /// <summary>A marker for <see cref="Rewrite"/>; never called.</summary>
    public static int Of(Instant at) => throw new InvalidOperationException("WindowMonths.Of only marks a query for WindowMonths.Rewrite.");

    /// <summary>The selector with every <see cref="Of"/> replaced by the month index for <paramref name="starts"/> (13 instants).</summary>
    public static Expression<Func<T, TKey>> Rewrite<T, TKey>(Expression<Func<T, TKey>> selector, IReadOnlyList<Instant> starts) =>
        (Expression<Func<T, TKey>>)new Marker(starts).Visit(selector);

    private sealed class Marker(IReadOnlyList<Instant> starts) : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node)
        {
            if (node.Method.DeclaringType != typeof(WindowMonths) || node.Method.Name != nameof(Of))
            {
                return base.VisitMethodCall(node);
            }
            var at = Visit(node.Arguments[0]);
            Expression month = Expression.Constant(starts.Count - 2);
            for (var k = starts.Count - 3; k >= 0; k--)
            {
                month = Expression.Condition(Expression.LessThan(at, Expression.Constant(starts[k + 1])), Expression.Constant(k), month);
            }
            return month;
        }
    }
}
