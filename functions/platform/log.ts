// Structured JSON logs, one object a line, as CloudWatch Logs Insights reads them, written by Powertools'
// Logger. The code logs through the small interface below, so a use case or adapter never sees Powertools;
// the Lambda wrapper (telemetry.ts) gives the same Powertools logger each invocation's context, so every
// line then carries the function's name, the cold-start flag and the request's correlation id.
import { Logger as PowertoolsLogger } from '@aws-lambda-powertools/logger';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error' | 'silent';

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

/** The Powertools logger itself, for the Lambda wrapper, which sets each invocation's context on it. */
export function powertoolsLogger(level: LogLevel, service = 'guildhall'): PowertoolsLogger {
  return new PowertoolsLogger({ serviceName: service, logLevel: level.toUpperCase() as Uppercase<LogLevel> });
}

/** The small interface over a Powertools logger: `fields` become keys of the line (an Error's too). */
export function loggerOf(logger: PowertoolsLogger): Logger {
  return {
    debug: (message, fields) => (fields ? logger.debug(message, fields) : logger.debug(message)),
    info: (message, fields) => (fields ? logger.info(message, fields) : logger.info(message)),
    warn: (message, fields) => (fields ? logger.warn(message, fields) : logger.warn(message)),
    error: (message, fields) => (fields ? logger.error(message, fields) : logger.error(message)),
  };
}

/** A logger for code that runs outside a Lambda invocation too (scripts, the local gateway, tests). */
export function createLogger(level: LogLevel, service = 'guildhall'): Logger {
  return loggerOf(powertoolsLogger(level, service));
}
