/**
 * `ziping template` — owned by the templates work (issue 4). Until it lands the command says so and exits 2,
 * so nobody mistakes it for a working template.
 */
export async function runTemplate(_argv: readonly string[]): Promise<number> {
  process.stderr.write("ziping template：尚未实现\n");
  return 2;
}
