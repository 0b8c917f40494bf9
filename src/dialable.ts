/**
 * What Genesys and Fusion get for a number the agent typed or Fusion passed: without the spaces
 * and ( ) - . that only group it ("+1 (555) 987-6543" → "+15559876543"). Anything else stays, so
 * a number with letters is still refused as not dialable rather than dialled short.
 */
export function dialableForm(typed: string): string {
  return typed.trim().replace(/[\s().-]/g, '');
}
