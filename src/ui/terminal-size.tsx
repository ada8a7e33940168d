/**
 * The terminal size every layout decision is made from. Tests (whose fake stdout has no rows) and callers that know
 * better inject a fixed size; otherwise it follows stdout and re-lays out on 'resize'.
 */
import { useStdout } from 'ink';
import { createContext, useContext, useEffect, useState, type ReactNode } from 'react';

export interface TerminalSize {
  readonly columns: number;
  readonly rows: number;
}

/** The smallest layout we promise to draw correctly. */
export const MIN_SIZE: TerminalSize = { columns: 80, rows: 24 };

const SizeContext = createContext<TerminalSize>(MIN_SIZE);

function readSize(stdout: NodeJS.WriteStream): TerminalSize {
  return { columns: stdout.columns || MIN_SIZE.columns, rows: stdout.rows || MIN_SIZE.rows };
}

function LiveSize({ children }: { children: ReactNode }) {
  const { stdout } = useStdout();
  const [size, setSize] = useState(() => readSize(stdout));
  useEffect(() => {
    const onResize = () => setSize(readSize(stdout));
    stdout.on('resize', onResize);
    return () => {
      stdout.off('resize', onResize);
    };
  }, [stdout]);
  return <SizeContext.Provider value={size}>{children}</SizeContext.Provider>;
}

export function TerminalSizeProvider({ fixed, children }: { fixed?: TerminalSize; children: ReactNode }) {
  return fixed ? (
    <SizeContext.Provider value={fixed}>{children}</SizeContext.Provider>
  ) : (
    <LiveSize>{children}</LiveSize>
  );
}

export function useTerminalSize(): TerminalSize {
  return useContext(SizeContext);
}
