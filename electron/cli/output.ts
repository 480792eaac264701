/** Where commands write; tests capture it, the real CLI writes to the process streams. */
export interface Output {
  stdout(text: string): void;
  stderr(text: string): void;
  readonly isTTY: boolean;
  readonly columns: number;
}

export const processOutput: Output = {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  get isTTY() {
    return Boolean(process.stdout.isTTY);
  },
  get columns() {
    return process.stdout.columns || 200;
  },
};
