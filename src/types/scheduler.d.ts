/** The part of React's `scheduler` package (the one react-reconciler, and so Ink, schedules its work with) that ec-access uses. */
declare module 'scheduler' {
  interface Task {
    readonly callback: unknown;
  }
  const scheduler: {
    readonly unstable_IdlePriority: number;
    unstable_scheduleCallback(priority: number, callback: () => void): Task;
    unstable_cancelCallback(task: Task): void;
  };
  export default scheduler;
}
