/** Lines of a server's output that report an error: Payload's ERROR level (pretty or JSON), Next's ⨯, stack frames. */
export const errorLines = (output: string): string[] =>
  output
    .split('\n')
    .filter((line) => /\bERROR\b|"level":\s*50|⨯|^\s+at .+\(.+:\d+:\d+\)|Unhandled|uncaught/i.test(line))
