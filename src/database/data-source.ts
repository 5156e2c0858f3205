// Data source for the TypeORM CLI (npm run migration:run / migration:generate).
import 'reflect-metadata';
import { DataSource } from 'typeorm';
import { loadEnvironment } from '../config/environment';
import { buildDataSourceOptions } from './database-options';

export default new DataSource(buildDataSourceOptions(loadEnvironment()));
